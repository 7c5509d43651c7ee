package org.activelabeler.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.activelabeler.dataset.DatasetOrigin;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.ImportResult;
import org.activelabeler.evaluation.ClassMetrics;
import org.activelabeler.features.FeatureSettings;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.progress.Progress;
import org.activelabeler.simulation.ExperimentData;
import org.activelabeler.simulation.LabeledRows;
import org.activelabeler.training.djl.NgramLogisticClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Measure import, tokenizing, training and scoring on a labeled file; prints a Markdown table.")
final class BenchCommand implements Callable<Integer> {
    private static final int ROUND_BATCH = 50;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labeled CSV to measure on.")
    Path data;

    @Option(names = "--holdout", paramLabel = "FILE", description = "Labeled CSV for accuracy (default: 10%% of the pool).")
    Path holdout;

    @Option(names = "--labels", split = ",", defaultValue = "100,1000,5000",
            description = "Label counts to train on (default: ${DEFAULT-VALUE}).")
    int[] labelCounts;

    @picocli.CommandLine.Mixin
    FeatureOptions featureOptions;

    @Option(names = "--seed", defaultValue = "13")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path folder = Files.createTempDirectory("active-labeler-bench");
        try (HeapSampler heap = HeapSampler.start(); Workspace workspace = Workspace.open(folder)) {
            long start = System.nanoTime();
            ImportResult imported = workspace.importer().importFile(data, DatasetOrigin.EXPERIMENT, Progress.NONE);
            double importSeconds = (System.nanoTime() - start) / 1e9;
            Corpus pool = workspace.datasets().loadCorpus(imported.dataset().id(), Progress.NONE);
            Corpus test = holdout == null ? null : Corpora.load(workspace, holdout, Progress.NONE);
            start = System.nanoTime();
            java.util.Map<String, String> embedding = new java.util.LinkedHashMap<>();
            ExperimentData experiment;
            try (TerminalProgress progress = new TerminalProgress()) {
                experiment = featureOptions.experiment(workspace, pool, test, embedding, progress, seed);
            }
            double featureSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "| step | value |%n|---|---|%n");
            System.out.printf(Locale.ROOT, "| import + tokenize %d records (%d distinct) | %.1f s |%n",
                    imported.dataset().rowCount(), imported.dataset().reviewCount(), importSeconds);
            System.out.printf(Locale.ROOT, "| features (%s: %s%s), pool %d + holdout %d | %.1f s |%n",
                    featureOptions.blocks(), FeatureSettings.DEFAULT.describe(),
                    embedding.isEmpty() ? "" : ", " + embedding.get("embedding_encoder") + " x"
                            + embedding.get("embedding_weight") + " from the vector cache",
                    experiment.pool().size(), experiment.holdout().size(), featureSeconds);
            ClassifierSettings settings = ClassifierSettings.builder().optSeed(seed).build();
            Map<String, String> parameters = Corpora.featureParameters(workspace, FeatureSettings.DEFAULT);
            String device = null;
            System.out.printf(Locale.ROOT, "%n| labels | train | the next round (+%d labels; from this fit's weights when they grew by at most a tenth) "
                    + "| score whole pool (%d) | epochs | holdout accuracy |%n|---|---|---|---|---|---|%n", ROUND_BATCH,
                    experiment.pool().size());
            for (int labels : labelCounts) {
                // a classifier of its own for each count, so that its first fit starts from scratch
                try (Classifier classifier = new NgramLogisticClassifier(settings, parameters)) {
                    device = classifier.description().device();
                    measureRound(classifier, experiment, Math.min(labels, experiment.pool().size()));
                }
            }
            System.out.printf(Locale.ROOT, "%npeak heap in use (sampled every %d ms, garbage included): %.0f MiB of %d MiB"
                            + " allowed; device: %s; %d cores%n", HeapSampler.PERIOD_MILLIS, heap.peakMiB(),
                    Runtime.getRuntime().maxMemory() >> 20, device, Runtime.getRuntime().availableProcessors());
        } finally {
            deleteRecursively(folder);
        }
        return 0;
    }

    private void measureRound(Classifier classifier, ExperimentData experiment, int labels) {
        int classes = experiment.labels().size();
        LabeledRows labeled = experiment.pool().select(randomRows(experiment.pool().size(), labels));
        TrainingReport report = classifier.fitFromLast(labeled.features(), labeled.gold(), classes, Progress.NONE);
        long start = System.nanoTime();
        classifier.predict(experiment.pool().features());
        double scoreSeconds = (System.nanoTime() - start) / 1e9;
        ClassMetrics metrics = ClassMetrics.of(classifier.predict(experiment.holdout().features()),
                experiment.holdout().gold());
        // the same rows and a batch more (as many as the pool has): what a round of the loop trains on next
        int more = Math.min(labels + ROUND_BATCH, experiment.pool().size());
        LabeledRows grown = experiment.pool().select(randomRows(experiment.pool().size(), more));
        TrainingReport round = classifier.fitFromLast(grown.features(), grown.gold(), classes, Progress.NONE);
        System.out.printf(Locale.ROOT, "| %d | %.2f s | %.2f s (%d steps) | %.2f s | %d of %d | %.4f |%n", labels,
                report.millis() / 1000.0, round.millis() / 1000.0, round.trainLosses().size(), scoreSeconds,
                report.epochsKept(), report.trainLosses().size(), metrics.accuracy());
    }

    private int[] randomRows(int size, int count) {
        int[] all = new int[size];
        Arrays.setAll(all, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        return Arrays.copyOf(all, count);
    }

    private static void deleteRecursively(Path folder) throws java.io.IOException {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
