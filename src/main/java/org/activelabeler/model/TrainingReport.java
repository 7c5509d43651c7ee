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
 * @param warmStart whether the fit went on from the round before's weights rather than from scratch
 */
public record TrainingReport(List<Double> trainLosses, int epochsKept, int validationLabels,
                             double validationAccuracy, long millis, boolean warmStart) {
    /** The round run's param that says whether its fit went on from the round before's weights. */
    public static final String WARM_START_PARAM = "warm_start";

    /** A fit from scratch. */
    public TrainingReport(List<Double> trainLosses, int epochsKept, int validationLabels, double validationAccuracy,
                          long millis) {
        this(trainLosses, epochsKept, validationLabels, validationAccuracy, millis, false);
    }

    /** The same report, saying that the fit went on from the round before. */
    public TrainingReport continued() {
        return new TrainingReport(trainLosses, epochsKept, validationLabels, validationAccuracy, millis, true);
    }
}
