package org.activelabeler.simulation;

import org.activelabeler.model.TrainingReport;
import org.activelabeler.twospeed.Handover;

/**
 * What a transformer round measured in a simulation.
 *
 * @param round the fast model's round it ran after
 * @param labels labels it was given (it trained on those outside the validation share)
 * @param handover both models' validation accuracies and who serves the queue next
 * @param holdoutAccuracy the transformer's accuracy on {@code holdoutSize} holdout reviews
 * @param fastHoldoutAccuracy the fast model's accuracy (trained on all the labels) on the same reviews
 * @param ensembleHoldoutAccuracy the accuracy of the mean of both models' p(positive) on them
 * @param confusion the transformer's holdout counts, {@code confusion[gold][predicted]}
 * @param candidates unlabeled reviews ranked (0 when the fast model keeps the queue)
 * @param elapsedMillis time since the simulation started, at the end of this round
 */
public record TransformerRoundResult(int round, int labels, Handover handover, double holdoutAccuracy,
                                     double holdoutMacroF1, double fastHoldoutAccuracy, double ensembleHoldoutAccuracy,
                                     int holdoutSize,
                                     int[][] confusion, TrainingReport training, long trainMillis, long scoreMillis,
                                     long evaluateMillis, int candidates, long elapsedMillis) {
}
