package org.activelabeler.labeling;

/**
 * A retrain to be stored, before the store gave it an id.
 *
 * @param validationAccuracy accuracy on the labels held back for early stopping, NaN when none were
 */
public record NewRound(int labels, String model, String strategy, double validationAccuracy, long trainMillis,
                       long scoreMillis) {
}
