package org.activelabeler.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.Predictions;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.progress.Progress;
import org.activelabeler.strategy.RandomDraw;
import org.activelabeler.twospeed.QueueOwner;
import org.activelabeler.twospeed.TransformerQueue;
import org.activelabeler.twospeed.TransformerRound;
import org.activelabeler.twospeed.TwoSpeedSettings;

/**
 * The transformer's side of a two-speed simulation: every few batches it trains, is judged against
 * the fast model on held-out labels, and, while it wins, its ranking serves the next batches.
 * In the desktop app the same round runs in the background; here it runs in line, so the learning
 * curve shows what its labels are worth, not how long an annotator would wait (never).
 */
public final class TransformerLane {
    private final TextClassifier transformer;
    private final TwoSpeedSettings settings;
    private final TransformerRound round;
    private final IntFunction<String> poolText;
    private final IntFunction<String> holdoutText;
    private final List<String> holdoutTexts;
    private final int[] holdoutRows;
    private final Listener listener;
    private final SplittableRandom random;
    private QueueOwner owner = QueueOwner.FAST;
    private TransformerQueue queue = new TransformerQueue(new int[0]);

    /** Hears about each transformer round. */
    @FunctionalInterface
    public interface Listener {
        void transformerRoundFinished(TransformerRoundResult result, int[] trainedOnRows);
    }

    /**
     * @param holdoutEvaluationSize holdout reviews the transformer is scored on at each round
     *        (a seeded sample; 0 or more than the holdout means all of it)
     */
    public TransformerLane(TextClassifier transformer, TwoSpeedSettings settings, int dropoutPasses,
                           IntFunction<String> poolText, IntFunction<String> holdoutText, int holdoutSize,
                           int holdoutEvaluationSize, Listener listener) {
        this.transformer = transformer;
        this.settings = settings;
        this.round = new TransformerRound(transformer, settings, dropoutPasses);
        this.poolText = poolText;
        this.holdoutText = holdoutText;
        this.random = new SplittableRandom(settings.seed() ^ 0x7A11L);
        this.holdoutRows = sample(holdoutSize, holdoutEvaluationSize, new SplittableRandom(settings.seed()));
        this.holdoutTexts = Arrays.stream(holdoutRows).mapToObj(holdoutText).toList();
        this.listener = listener;
    }

    public TextClassifier transformer() {
        return transformer;
    }

    public QueueOwner owner() {
        return owner;
    }

    /** Whether a transformer round falls after a fast round with this many labels. */
    boolean due(int labels, int initialLabels, int batchSize) {
        int step = settings.everyBatches() * batchSize;
        return labels >= settings.minLabels() && (labels - initialLabels) % step == 0;
    }

    /** Whether the next batch comes from the transformer's (or the ensemble's) ranking. */
    boolean serving() {
        return owner != QueueOwner.FAST && queue.remaining() > 0;
    }

    int[] next(int count, boolean[] revealed) {
        return queue.next(count, row -> revealed[row]);
    }

    /** The share of each batch drawn at random from the pool. */
    double auditShare() {
        return settings.auditShare();
    }

    /** A round; after the last batch the transformer is scored on the whole holdout, not the sample. */
    TransformerRoundResult run(int roundNumber, int[] labeledRows, boolean[] drawnAtRandom, int[] unlabeled,
                               Predictions fastPredictions, Classifier fast, LabeledRows pool, LabeledRows holdout,
                               int classes, Predictions fastHoldout, boolean last, long started, Progress progress) {
        int[] labels = Arrays.stream(labeledRows).map(r -> pool.gold()[r]).toArray();
        long[] keys = Arrays.stream(labeledRows).asLongStream().toArray();
        TransformerRound.FastValidation validation = TransformerRound.FastValidation.refitting(fast, pool.features(),
                classes, Progress.NONE);
        boolean[] random = new boolean[labeledRows.length];
        for (int i = 0; i < labeledRows.length; i++) {
            random[i] = drawnAtRandom[labeledRows[i]];
        }
        TransformerRound.Outcome outcome = round.run(new TransformerRound.Input(labeledRows, keys, labels, classes,
                unlabeled, fastPredictions, poolText, random), validation, this.random, progress);
        owner = outcome.handover().owner();
        queue = new TransformerQueue(outcome.ranking());
        long evaluateStart = System.nanoTime();
        int[] rows = last ? java.util.stream.IntStream.range(0, holdout.size()).toArray() : holdoutRows;
        List<String> texts = last ? Arrays.stream(rows).mapToObj(holdoutText).toList() : holdoutTexts;
        Predictions holdoutPredictions = transformer.predict(texts, progress);
        HoldoutComparison scored = HoldoutComparison.of(holdoutPredictions, fastHoldout, holdout.gold(), rows);
        long evaluateMillis = (System.nanoTime() - evaluateStart) / 1_000_000;
        TransformerRoundResult result = new TransformerRoundResult(roundNumber, labeledRows.length, outcome.handover(),
                scored.accuracy(), scored.macroF1(), scored.fastAccuracy(), scored.ensembleAccuracy(), scored.size(),
                scored.confusion(), outcome.training(), outcome.trainMillis(), outcome.scoreMillis(), evaluateMillis,
                outcome.ranking().length, (System.nanoTime() - started) / 1_000_000);
        listener.transformerRoundFinished(result, labeledRows);
        return result;
    }

    private static int[] sample(int size, int wanted, SplittableRandom random) {
        int[] rows = java.util.stream.IntStream.range(0, size).toArray();
        return RandomDraw.sortedSample(rows, wanted <= 0 ? size : wanted, random);
    }
}
