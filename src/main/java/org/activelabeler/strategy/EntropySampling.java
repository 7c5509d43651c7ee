package org.activelabeler.strategy;

import java.util.random.RandomGenerator;

/** Predictive entropy {@code -sum p ln p}: highest where the model spreads its belief most evenly. */
public final class EntropySampling implements QueryStrategy {
    @Override
    public String name() {
        return "entropy";
    }

    @Override
    public double score(double[] probabilities, RandomGenerator random) {
        return BaldSampling.entropy(probabilities);
    }
}
