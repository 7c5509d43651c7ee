package org.activelabeler.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.activelabeler.app.Workspace;
import org.activelabeler.labeling.LabelingSession;
import org.activelabeler.progress.Progress;
import org.activelabeler.ui.labeling.LabelingViewModel;
import org.activelabeler.ui.labeling.OpenedDataset;
import org.activelabeler.ui.labeling.ReviewTexts;

/**
 * The work a labeling key press does on the JavaFX thread, measured on a real dataset: the label's
 * durable commit to H2, the next text on screen and the Up next rows (texts read ahead on a reader
 * thread, as in the window). Not the layout and paint pass that follows.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) org.activelabeler.bench.KeyPathBench FILE [PRESSES]</pre>
 */
public final class KeyPathBench {
    private KeyPathBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int presses = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path folder = Files.createTempDirectory("key-path-bench");
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (Workspace workspace = Workspace.open(folder)) {
            long started = System.nanoTime();
            long datasetId = workspace.importer().importFile(file, Progress.NONE).dataset().id();
            var corpus = workspace.datasets().loadCorpus(datasetId, Progress.NONE);
            var labels = workspace.labels();
            OpenedDataset opened = new OpenedDataset(corpus, labels.currentLabels(datasetId), labels.skipped(datasetId),
                    labels.queue(datasetId), labels.rounds(datasetId), labels.auditDraws(datasetId));
            ReviewTexts texts = new ReviewTexts(workspace.datasets(), reader, Runnable::run);
            long[] order = LabelingViewModel.shuffled(corpus.reviewIds(), 13);
            texts.load(LabelingSession.order(opened.queue(), order, opened.labels().keySet(), opened.skipped(), 40));
            LabelingViewModel model = new LabelingViewModel(opened, order, labels, texts, "bench");
            model.start(null);
            System.out.printf(Locale.ROOT, "%s: %d texts, opened in %.1f s%n", file.getFileName(), corpus.size(),
                    (System.nanoTime() - started) / 1e9);
            for (int i = 0; i < 50; i++) {
                model.label(i % 2);
                Thread.sleep(5);
            }
            double[] millis = new double[presses];
            for (int i = 0; i < presses; i++) {
                long start = System.nanoTime();
                model.label(i % 2);
                millis[i] = (System.nanoTime() - start) / 1e6;
                Thread.sleep(20); // an annotator is slower than this; the reader keeps ahead
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "key press to next text, %d presses: median %.2f ms, p90 %.2f ms,"
                            + " p99 %.2f ms, max %.2f ms%n", presses, millis[presses / 2], millis[presses * 9 / 10],
                    millis[Math.min(presses - 1, presses * 99 / 100)], millis[presses - 1]);
        } finally {
            reader.shutdownNow();
        }
    }
}
