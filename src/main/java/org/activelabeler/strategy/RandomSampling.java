package org.activelabeler.strategy;

import java.util.random.RandomGenerator;

/** Ignores the model: the baseline every other strategy has to beat. */
public final class RandomSampling implements QueryStrategy {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public double score(double[] probabilities, RandomGenerator random) {
        return random.nextDouble();
    }
}
