package org.activelabeler.round;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.Predictions;
import org.activelabeler.progress.Progress;

/**
 * The fits of a cross-validation over several candidate feature spaces: one task per candidate and
 * fold, each fitting on the other folds and counting the held-out labels it predicts. Tasks are
 * independent, so they run on several threads at once, each with a model of its own (the caller's on
 * the calling thread, {@link Classifier#sibling siblings} on the others), taking the next task as they
 * finish: the counts do not depend on which thread fitted what.
 */
final class FoldFits {
    private final List<FeatureMatrix> candidates;
    private final int[] labeledRows;
    private final int[] labels;
    private final int classes;
    private final int[] fold;

    /** @param fold each label's fold, in {@code [0, FeatureChoice.FOLDS)} */
    FoldFits(List<FeatureMatrix> candidates, int[] labeledRows, int[] labels, int classes, int[] fold) {
        this.candidates = candidates;
        this.labeledRows = labeledRows;
        this.labels = labels;
        this.classes = classes;
        this.fold = fold;
    }

    /**
     * @param workers at most this many threads; 0 for {@link Classifier#concurrentFits()}
     * @return the held-out labels predicted right, {@code [candidate * FOLDS + fold]}
     */
    int[] run(Classifier classifier, int workers) {
        int tasks = candidates.size() * FeatureChoice.FOLDS;
        int threads = Math.min(tasks, workers > 0 ? workers : classifier.concurrentFits());
        int[] correct = new int[tasks];
        AtomicInteger next = new AtomicInteger();
        if (threads <= 1) {
            work(classifier, next, correct);
            return correct;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "feature-choice");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> others = new ArrayList<>();
        try {
            for (int t = 1; t < threads; t++) {
                others.add(pool.submit(() -> {
                    try (Classifier sibling = classifier.sibling()) {
                        work(sibling, next, correct);
                    }
                }));
            }
            work(classifier, next, correct);
            for (Future<?> other : others) {
                other.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while choosing the feature space", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("A fold fit failed", e.getCause());
        } finally {
            next.set(tasks);
            pool.shutdown();
        }
        return correct;
    }

    private void work(Classifier model, AtomicInteger next, int[] correct) {
        for (int task = next.getAndIncrement(); task < correct.length; task = next.getAndIncrement()) {
            correct[task] = heldOutCorrect(model, candidates.get(task / FeatureChoice.FOLDS),
                    task % FeatureChoice.FOLDS);
        }
    }

    private int heldOutCorrect(Classifier model, FeatureMatrix rows, int held) {
        int[] train = IntStream.range(0, fold.length).filter(i -> fold[i] != held).toArray();
        int[] test = IntStream.range(0, fold.length).filter(i -> fold[i] == held).toArray();
        if (train.length == 0 || test.length == 0) {
            return 0;
        }
        model.fit(rows.select(pick(labeledRows, train)), pick(labels, train), classes, Progress.NONE);
        Predictions predicted = model.predict(rows.select(pick(labeledRows, test)));
        int correct = 0;
        for (int i = 0; i < test.length; i++) {
            if (predicted.top(i) == labels[test[i]]) {
                correct++;
            }
        }
        return correct;
    }

    private static int[] pick(int[] values, int[] at) {
        return Arrays.stream(at).map(i -> values[i]).toArray();
    }
}
