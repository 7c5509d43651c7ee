package org.activelabeler.strategy;

import org.activelabeler.model.Predictions;

/** Mean and maximum predictive entropy (nats) over a set of rows: how unsure the model still is. */
public final class EntropyStatistics {
    private EntropyStatistics() {
    }

    /** @return {mean, max}, NaN for both when there are no rows */
    public static double[] meanAndMax(Predictions predictions, int[] rows) {
        if (rows.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double sum = 0;
        double max = 0;
        for (int row : rows) {
            double entropy = BaldSampling.entropy(predictions, row);
            sum += entropy;
            max = Math.max(max, entropy);
        }
        return new double[] {sum / rows.length, max};
    }
}
