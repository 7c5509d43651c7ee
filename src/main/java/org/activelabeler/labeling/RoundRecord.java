package org.activelabeler.labeling;

import java.time.Instant;

/**
 * A retrain of the labeling loop, as kept in the history.
 *
 * @param validationAccuracy accuracy on the labels held back for early stopping, NaN when none were
 */
public record RoundRecord(long id, long datasetId, int labels, String model, String strategy,
                          double validationAccuracy, long trainMillis, long scoreMillis, Instant createdAt) {
}
