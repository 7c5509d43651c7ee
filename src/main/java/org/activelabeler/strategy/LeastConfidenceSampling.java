package org.activelabeler.strategy;

import java.util.random.RandomGenerator;

/** {@code 1 - max p}: how unsure the model is of its own best guess. */
public final class LeastConfidenceSampling implements QueryStrategy {
    @Override
    public String name() {
        return "least-confidence";
    }

    @Override
    public double score(double[] probabilities, RandomGenerator random) {
        double best = 0;
        for (double p : probabilities) {
            best = Math.max(best, p);
        }
        return 1 - best;
    }
}
