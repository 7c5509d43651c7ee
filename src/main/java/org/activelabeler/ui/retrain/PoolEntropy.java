package org.activelabeler.ui.retrain;

import org.activelabeler.strategy.EntropySampling;

/** Mean and largest predictive entropy (nats) over the unlabeled reviews, as {@code simulate} logs it. */
final class PoolEntropy {
    private static final EntropySampling ENTROPY = new EntropySampling();

    private PoolEntropy() {
    }

    /** @return {mean, max}, NaN for both when nothing is unlabeled */
    static double[] of(float[] positiveProbability, int[] unlabeledRows) {
        if (unlabeledRows.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double sum = 0;
        double max = 0;
        for (int row : unlabeledRows) {
            double p = positiveProbability[row];
            double entropy = ENTROPY.score(new double[] {1 - p, p}, null);
            sum += entropy;
            max = Math.max(max, entropy);
        }
        return new double[] {sum / unlabeledRows.length, max};
    }
}
