package org.activelabeler.strategy;

/**
 * BALD (Houlsby et al. 2011, with MC dropout as in Gal et al. 2017): the mutual information between
 * a review's label and the model's weights, estimated from forward passes with dropout on. It is
 * the entropy of the mean prediction minus the mean entropy of each pass: high where the passes
 * disagree, low where the model is consistently unsure (noise it cannot learn away).
 */
public final class BaldSampling {
    public static final String NAME = "bald";

    private BaldSampling() {
    }

    /**
     * @param positive {@code positive[t][i]}: p(positive) of review {@code i} in dropout pass {@code t}
     * @return the mutual information of each review, in nats
     */
    public static double[] mutualInformation(float[][] positive) {
        int passes = positive.length;
        int n = positive[0].length;
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = 0;
            double meanEntropy = 0;
            for (float[] pass : positive) {
                mean += pass[i];
                meanEntropy += binaryEntropy(pass[i]);
            }
            mean /= passes;
            meanEntropy /= passes;
            scores[i] = Math.max(0, binaryEntropy(mean) - meanEntropy);
        }
        return scores;
    }

    /** Predictive entropy of p(positive), in nats. */
    public static double binaryEntropy(double p) {
        double entropy = 0;
        if (p > 0) {
            entropy -= p * Math.log(p);
        }
        if (p < 1) {
            entropy -= (1 - p) * Math.log(1 - p);
        }
        return entropy;
    }
}
