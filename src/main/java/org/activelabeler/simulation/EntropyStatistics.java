package org.activelabeler.simulation;

import org.activelabeler.strategy.EntropySampling;

/** Mean and maximum predictive entropy (nats) over a set of rows: how unsure the model still is. */
public final class EntropyStatistics {
    private static final EntropySampling ENTROPY = new EntropySampling();

    private EntropyStatistics() {
    }

    /** @return {mean, max}, NaN for both when there are no rows */
    public static double[] meanAndMax(float[] positiveProbability, int[] rows) {
        if (rows.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double sum = 0;
        double max = 0;
        double[] probabilities = new double[2];
        for (int row : rows) {
            probabilities[1] = positiveProbability[row];
            probabilities[0] = 1 - probabilities[1];
            double entropy = ENTROPY.score(probabilities, null);
            sum += entropy;
            max = Math.max(max, entropy);
        }
        return new double[] {sum / rows.length, max};
    }
}
