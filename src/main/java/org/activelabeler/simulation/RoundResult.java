package org.activelabeler.simulation;

import org.activelabeler.evaluation.ClassMetrics;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.stopping.StoppingSignal;
import org.activelabeler.team.TeamReport;

/**
 * What one round of the loop measured.
 *
 * @param round 1 for the model trained on the initial labels
 * @param labels labels the model was trained on
 * @param accuracy holdout accuracy
 * @param macroF1 holdout macro-F1
 * @param trainMillis time to fit
 * @param scoreMillis time to score the pool and pick the next batch (0 in the last round)
 * @param poolEntropyMean mean predictive entropy over the unlabeled pool (nats), NaN in the last round
 * @param poolEntropyMax the largest of those entropies
 * @param training details of the fit
 * @param metrics the holdout figures per class and the confusion matrix, or null without a holdout
 * @param stopping the stopping signal after this round
 * @param team how far the team's annotators agree on the reviews labeled twice and what is left to settle, or
 *     null where nobody but the oracle labels
 */
public record RoundResult(int round, int labels, double accuracy, double macroF1, long trainMillis, long scoreMillis,
                          double poolEntropyMean, double poolEntropyMax, TrainingReport training, ClassMetrics metrics,
                          StoppingSignal stopping, TeamReport team) {

    /** A round without an agreement figure (a simulation, or one annotator). */
    public RoundResult(int round, int labels, double accuracy, double macroF1, long trainMillis, long scoreMillis,
                       double poolEntropyMean, double poolEntropyMax, TrainingReport training, ClassMetrics metrics,
                       StoppingSignal stopping) {
        this(round, labels, accuracy, macroF1, trainMillis, scoreMillis, poolEntropyMean, poolEntropyMax, training,
                metrics, stopping, null);
    }

    /** A round without a stopping signal. */
    public RoundResult(int round, int labels, double accuracy, double macroF1, long trainMillis, long scoreMillis,
                       double poolEntropyMean, double poolEntropyMax, TrainingReport training, ClassMetrics metrics) {
        this(round, labels, accuracy, macroF1, trainMillis, scoreMillis, poolEntropyMean, poolEntropyMax, training,
                metrics, StoppingSignal.NONE);
    }

    /** {@code confusion[gold][predicted]} on the holdout, or null without one. */
    public int[][] confusion() {
        return metrics == null ? null : metrics.confusion();
    }
}
