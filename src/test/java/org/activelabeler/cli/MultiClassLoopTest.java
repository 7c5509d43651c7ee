package org.activelabeler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.labeling.LabelSource;
import org.activelabeler.labeling.LabelingSession;
import org.activelabeler.progress.Progress;
import org.activelabeler.testsupport.CommandLineRun;
import org.activelabeler.testsupport.MlflowInstallation;
import org.activelabeler.testsupport.SyntheticTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four classes through the whole loop: import with the file's classes, simulate (the oracle's labels
 * kept as the oracle's), label by hand, export as CSV and JSON Lines (with predictions, and every
 * event), import the export back with the same labels, and read the JSON Lines with pandas.
 */
class MultiClassLoopTest {
    @TempDir
    Path dir;

    @Test
    void fourClassesGoThroughImportSimulateExportAndBack() throws Exception {
        List<SyntheticTopics.Text> texts = new SyntheticTopics(11, 4).distinct(400);
        Path pool = SyntheticTopics.writeCsv(dir.resolve("topics.csv"), texts.subList(0, 300));
        Path holdout = SyntheticTopics.writeCsv(dir.resolve("topics-holdout.csv"), texts.subList(300, 400));
        String db = dir.resolve("db").toString();

        Path curve = dir.resolve("curve.csv");
        String simulated = run("simulate", "--features", "tfidf,lsa", "--data", pool.toString(), "--holdout", holdout.toString(), "--init", "20",
                "--batch", "20", "--max-labels", "100", "--db", db, "--out", curve.toString(),
                "--tracking-uri", "http://127.0.0.1:9");
        assertThat(simulated).contains("The oracle's 100 labels are stored with dataset");
        assertThat(Files.readAllLines(curve).get(0)).isEqualTo("round,labels,accuracy,macro_f1,train_ms,score_ms");
        String last = Files.readAllLines(curve).get(5);
        assertThat(Double.parseDouble(last.split(",")[2])).as("holdout accuracy at 100 labels").isGreaterThan(0.9);
        List<String> perClass = Files.readAllLines(dir.resolve("curve-per-class.csv"));
        assertThat(perClass.get(0)).isEqualTo("round,labels,class,precision,recall,f1,support");
        assertThat(perClass).hasSize(1 + 5 * 4).anyMatch(l -> l.contains(",\"Sci/Tech\",") || l.contains(",Sci/Tech,"));

        long datasetId;
        try (Workspace workspace = Workspace.open(Path.of(db))) {
            DatasetInfo dataset = workspace.datasets().list().stream().filter(d -> d.name().equals("topics"))
                    .findFirst().orElseThrow();
            datasetId = dataset.id();
            assertThat(dataset.labels()).isEqualTo(LabelSet.of("Business", "Sci/Tech", "Sports", "World"));
            assertThat(workspace.labels().currentLabels(datasetId, LabelSource.ORACLE)).hasSize(100);
            assertThat(workspace.labels().currentLabels(datasetId, LabelSource.HUMAN)).isEmpty();
            Corpus corpus = workspace.datasets().loadCorpus(datasetId, Progress.NONE);
            new LabelingSession(corpus, workspace.labels(), "alice").label(corpus.reviewIds()[0], 3);
        }

        Path csv = dir.resolve("export.csv");
        assertThat(run("export", "--dataset", "topics", "--db", db, "--out", csv.toString()))
                .contains("Exported 300 rows");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("id,text,label,annotator,time,source");
        assertThat(lines).hasSize(301);
        assertThat(lines).filteredOn(l -> l.endsWith(",oracle")).hasSizeBetween(99, 100);
        assertThat(lines).filteredOn(l -> l.endsWith(",file")).hasSizeGreaterThanOrEqualTo(199);
        assertThat(lines).filteredOn(l -> l.startsWith("n0,") && l.contains(",World,alice,") && l.endsWith(",human"))
                .hasSize(1);

        Path reimportDb = dir.resolve("again");
        run("import", "--data", csv.toString(), "--db", reimportDb.toString());
        try (Workspace original = Workspace.open(Path.of(db)); Workspace again = Workspace.open(reimportDb)) {
            Map<String, String> before = labelsByText(original, datasetId, true);
            DatasetInfo imported = again.datasets().list().get(0);
            assertThat(imported.labels()).isEqualTo(LabelSet.of("Business", "Sci/Tech", "Sports", "World"));
            assertThat(labelsByText(again, imported.id(), false)).isEqualTo(before);
            assertThat(again.datasets().sourceIds(imported.id())).containsValue("n0");
        }

        Path jsonl = dir.resolve("export.jsonl");
        run("export", "--dataset", Long.toString(datasetId), "--db", db, "--out", jsonl.toString(),
                "--with-predictions");
        List<String> json = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        assertThat(json).hasSize(300);
        assertThat(json.get(0)).startsWith("{\"id\":\"n0\",\"text\":").contains("\"p_Sci/Tech\":");
        Path events = dir.resolve("events.jsonl");
        assertThat(run("export", "--dataset", "topics", "--db", db, "--out", events.toString(), "--all-events"))
                .contains("Exported 101 label events");

        Optional<Path> python = MlflowInstallation.executable().map(MlflowInstallation::python);
        if (python.isPresent()) {
            Process read = new ProcessBuilder(python.get().toString(), "-c", "import pandas, sys;"
                    + " f = pandas.read_json(sys.argv[1], lines=True);"
                    + " print(len(f), sorted(f.columns)[:3], round(f.filter(like='p_').sum(axis=1).mean(), 3))",
                    jsonl.toString()).redirectErrorStream(true).start();
            assertThat(read.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String out = new String(read.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(read.exitValue()).as(out).isZero();
            assertThat(out.strip()).isEqualTo("300 ['annotator', 'id', 'label'] 1.0");
        }
    }

    /** The label of each text: the loop's current label, else (with {@code fileToo}) the file's. */
    private static Map<String, String> labelsByText(Workspace workspace, long datasetId, boolean loopLabels) {
        Corpus corpus = workspace.datasets().loadCorpus(datasetId, Progress.NONE);
        List<String> texts = workspace.datasets().reviewTexts(datasetId, Progress.NONE);
        Map<Long, Integer> current = loopLabels ? workspace.labels().currentLabels(datasetId) : Map.of();
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            Integer label = current.get(corpus.reviewIds()[i]);
            int klass = label != null ? label : corpus.gold()[i];
            labels.put(texts.get(i), klass < 0 ? null : corpus.dataset().labels().name(klass));
        }
        return labels;
    }

    private static String run(String... args) {
        return CommandLineRun.expect(0, args);
    }
}
