package org.activelabeler.strategy;

import java.util.random.RandomGenerator;

/**
 * Decides how much the model would gain from a label for a review, given the model's class
 * probabilities for it. Higher scores are asked first. A new strategy is one class implementing
 * this, listed in {@link QueryStrategies}.
 */
public interface QueryStrategy {

    /** The name used on the command line, in the GUI and in MLflow. */
    String name();

    /**
     * @param probabilities the model's class probabilities for one review, summing to 1
     * @param random a seeded source for strategies that draw at random
     */
    double score(double[] probabilities, RandomGenerator random);
}
