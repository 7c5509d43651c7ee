package org.activelabeler.strategy;

import java.util.random.RandomGenerator;

/**
 * Margin sampling, also called "breaking ties": {@code 1 - (p_best - p_second)}, highest where the
 * two likeliest classes are closest.
 */
public final class MarginSampling implements QueryStrategy {
    @Override
    public String name() {
        return "margin";
    }

    @Override
    public double score(double[] probabilities, RandomGenerator random) {
        double best = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (double p : probabilities) {
            if (p > best) {
                second = best;
                best = p;
            } else if (p > second) {
                second = p;
            }
        }
        return 1 - (best - second);
    }
}
