package org.activelabeler.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of the n-gram logistic model, with the defaults in one place.
 *
 * @param seed seeds weight initialisation, the validation split and shuffling
 * @param learningRate Adam's step size
 * @param largeSetLearningRate Adam's step size once labels are many enough for early stopping: with
 *        tens of thousands of labels the larger step overshoots (pool-only screening: 91.8% at 0.5,
 *        92.2% at 0.2 on the whole pool)
 * @param l2 L2 penalty per label, as in {@code l2 / n * |w|^2 / 2} added to the mean loss
 * @param maxEpochs upper bound on full-batch gradient steps over the labels
 * @param minEpochs steps taken before early stopping may judge: Adam's first large steps overshoot
 * @param patience epochs without a better validation loss before training stops
 * @param validationFraction share of labels held back for early stopping
 * @param minLabelsForValidation below this many labels nothing is held back
 * @param warmEpochs steps of a round that goes on from the last round's weights and optimiser state
 *        (below {@code minLabelsForValidation} labels); 0 starts every round afresh
 * @param warmLearningRate Adam's step size in such a round (fewer steps at a larger one: measured in
 *        docs/benchmarks.md, not the default)
 */
public record ClassifierSettings(long seed, double learningRate, double largeSetLearningRate, double l2,
                                 int maxEpochs, int minEpochs, int patience, double validationFraction,
                                 int minLabelsForValidation, int warmEpochs,
                                 double warmLearningRate) {

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("seed", Long.toString(seed));
        map.put("learning_rate", Double.toString(learningRate));
        map.put("large_set_learning_rate", Double.toString(largeSetLearningRate));
        map.put("l2", Double.toString(l2));
        map.put("max_epochs", Integer.toString(maxEpochs));
        map.put("min_epochs", Integer.toString(minEpochs));
        map.put("patience", Integer.toString(patience));
        map.put("validation_fraction", Double.toString(validationFraction));
        map.put("min_labels_for_validation", Integer.toString(minLabelsForValidation));
        map.put("warm_epochs", Integer.toString(warmEpochs));
        map.put("warm_learning_rate", Double.toString(warmLearningRate));
        return map;
    }

    /** Builder: {@code setX} for what must be given, {@code optX} for what has a default. */
    public static final class Builder {
        private long seed = 13;
        private double learningRate = 0.5;
        private double largeSetLearningRate = 0.2;
        private double l2 = 1.0 / 30;
        private int maxEpochs = 80;
        private int minEpochs = 20;
        private int patience = 5;
        private double validationFraction = 0.1;
        private int minLabelsForValidation = 5000;
        private int warmEpochs = Integer.getInteger("activelabeler.warm.epochs", 40);
        private double warmLearningRate = doubleProperty("activelabeler.warm.learning.rate", 0.5);

        public Builder optSeed(long value) {
            seed = value;
            return this;
        }

        public Builder optLearningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder optLargeSetLearningRate(double value) {
            largeSetLearningRate = value;
            return this;
        }

        public Builder optL2(double value) {
            l2 = value;
            return this;
        }

        public Builder optMaxEpochs(int value) {
            maxEpochs = value;
            return this;
        }

        public Builder optMinEpochs(int value) {
            minEpochs = value;
            return this;
        }

        public Builder optPatience(int value) {
            patience = value;
            return this;
        }

        public Builder optValidationFraction(double value) {
            validationFraction = value;
            return this;
        }

        public Builder optMinLabelsForValidation(int value) {
            minLabelsForValidation = value;
            return this;
        }

        public Builder optWarmEpochs(int value) {
            warmEpochs = value;
            return this;
        }

        public Builder optWarmLearningRate(double value) {
            warmLearningRate = value;
            return this;
        }

        private static double doubleProperty(String name, double fallback) {
            String value = System.getProperty(name);
            try {
                return value == null ? fallback : Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + name + "=" + value + " is not a number; give a step size"
                        + " such as 0.5, or leave the property out", e);
            }
        }

        public ClassifierSettings build() {
            return new ClassifierSettings(seed, learningRate, largeSetLearningRate, l2, maxEpochs, minEpochs, patience,
                    validationFraction, minLabelsForValidation, warmEpochs, warmLearningRate);
        }
    }
}
