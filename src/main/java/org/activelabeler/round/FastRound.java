package org.activelabeler.round;

import java.util.List;
import java.util.random.RandomGenerator;
import org.activelabeler.evaluation.ClassMetrics;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.Predictions;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.progress.Progress;
import org.activelabeler.strategy.EntropyStatistics;
import org.activelabeler.strategy.BatchSelector;
import org.activelabeler.strategy.QueryStrategies;
import org.activelabeler.strategy.RankedCandidate;

/**
 * One round of the fast model, the same for {@code simulate}, the window's retrain and {@code bench}:
 * fit on the labels, judge the fitted model, score the pool and rank its unlabeled texts. Who asks
 * the next texts, and where the round is stored or tracked, is the caller's.
 */
public final class FastRound {
    private final Classifier classifier;
    private final BatchSelector selector;

    /** @param strategy the query strategy's name (see {@link QueryStrategies}) */
    public FastRound(Classifier classifier, String strategy) {
        this(classifier, strategy, null);
    }

    /** @param vectors each pool row's sentence vector, for strategies that spread a batch; may be null */
    public FastRound(Classifier classifier, String strategy, float[][] vectors) {
        this.classifier = classifier;
        this.selector = new BatchSelector(QueryStrategies.named(strategy), vectors);
    }

    /** Measures a fitted model: on a holdout, on the pool's texts with file labels, or not at all. */
    @FunctionalInterface
    public interface Judge {
        Judge NONE = (fitted, pool) -> null;

        /**
         * @param pool the fitted model's predictions for the pool, or null when the round does not score it
         * @return the figures, or null when there is nothing to measure on
         */
        ClassMetrics judge(Classifier fitted, Predictions pool);
    }

    /**
     * @param labeledRows pool rows with labels, {@code labels[i]} the class of {@code labeledRows[i]}
     * @param unlabeledRows the rows that may be asked, in increasing order
     * @param rank how many of them to rank; 0 ranks none
     * @param scorePool whether to score the pool at all (the last round of a simulation need not)
     */
    public record Input(FeatureMatrix pool, int[] labeledRows, int[] labels, int classes, int[] unlabeledRows, int rank,
                        boolean scorePool) {
    }

    /**
     * @param metrics what the judge measured, or null
     * @param pool the predictions for every pool row, or null when the pool was not scored
     * @param ranked the best {@code rank} unlabeled rows, best first
     * @param scoreMillis time to score the pool and rank it (0 when nothing was ranked)
     */
    public record Outcome(TrainingReport training, ClassMetrics metrics, Predictions pool, List<RankedCandidate> ranked,
                          double entropyMean, double entropyMax, long scoreMillis) {
    }

    public Outcome run(Input input, Judge judge, RandomGenerator random, Progress progress) {
        TrainingReport training = classifier.fitFromLast(input.pool().select(input.labeledRows()), input.labels(),
                input.classes(), progress);
        progress.checkCancelled();
        long scoreStart = System.nanoTime();
        Predictions pool = input.scorePool() ? classifier.predict(input.pool()) : null;
        List<RankedCandidate> ranked = List.of();
        double[] entropy = {Double.NaN, Double.NaN};
        if (pool != null && input.rank() > 0) {
            entropy = EntropyStatistics.meanAndMax(pool, input.unlabeledRows());
            ranked = selector.top(pool, input.unlabeledRows(), input.rank(), random);
        }
        long scoreMillis = pool == null || input.rank() == 0 ? 0 : (System.nanoTime() - scoreStart) / 1_000_000;
        ClassMetrics metrics = judge.judge(classifier, pool);
        return new Outcome(training, metrics, pool, ranked, entropy[0], entropy[1], scoreMillis);
    }
}
