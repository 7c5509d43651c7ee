package org.activelabeler.strategy;

import org.activelabeler.model.Predictions;

/**
 * BALD (Houlsby et al. 2011, with MC dropout as in Gal et al. 2017): the mutual information between
 * a text's label and the model's weights, estimated from forward passes with dropout on. It is
 * the entropy of the mean prediction minus the mean entropy of each pass: high where the passes
 * disagree, low where the model is consistently unsure (noise it cannot learn away).
 */
public final class BaldSampling {
    public static final String NAME = "bald";

    private BaldSampling() {
    }

    /**
     * @param passes the class probabilities of the same texts in each dropout pass
     * @return the mutual information of each text, in nats
     */
    public static double[] mutualInformation(Predictions[] passes) {
        int n = passes[0].size();
        int k = passes[0].classes();
        double[] scores = new double[n];
        double[] mean = new double[k];
        double[] one = new double[k];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(mean, 0);
            double meanEntropy = 0;
            for (Predictions pass : passes) {
                pass.row(i, one);
                for (int c = 0; c < k; c++) {
                    mean[c] += one[c] / passes.length;
                }
                meanEntropy += entropy(one) / passes.length;
            }
            scores[i] = Math.max(0, entropy(mean) - meanEntropy);
        }
        return scores;
    }

    /** Predictive entropy {@code -sum p ln p}, in nats. */
    public static double entropy(double[] probabilities) {
        double entropy = 0;
        for (double p : probabilities) {
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }

    /** The predictive entropy of one text's row. */
    public static double entropy(Predictions predictions, int row) {
        double entropy = 0;
        for (int c = 0; c < predictions.classes(); c++) {
            double p = predictions.get(row, c);
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }
}
