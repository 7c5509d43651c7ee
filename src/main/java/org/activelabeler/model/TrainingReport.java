package org.activelabeler.model;

import java.util.List;

/**
 * What one fit did.
 *
 * @param trainLosses mean training loss after each epoch
 * @param epochsKept the epoch whose weights were kept (early stopping)
 * @param validationLabels how many labels were held back for early stopping (0 when too few)
 * @param validationAccuracy accuracy on those held-back labels, or NaN without them
 * @param millis wall time of the fit
 */
public record TrainingReport(List<Double> trainLosses, int epochsKept, int validationLabels,
                             double validationAccuracy, long millis) {
}
