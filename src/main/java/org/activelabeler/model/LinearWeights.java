package org.activelabeler.model;

/**
 * What a linear model learned for some of its columns: {@code weights[o * columns.length + i]} is
 * output {@code o}'s weight of column {@code columns[i]}. Two classes have one output, the logit of
 * class 1; more classes have one output per class, under a softmax.
 */
public record LinearWeights(int[] columns, float[] weights, int outputs) {

    public LinearWeights {
        if (outputs < 1 || weights.length != (long) outputs * columns.length) {
            throw new IllegalArgumentException("Need " + outputs + " x " + columns.length + " weights, got "
                    + weights.length);
        }
    }

    /**
     * How much a unit of column {@code columns[i]} raises class {@code klass}'s logit against the
     * others: its weight for that class less the classes' mean (the softmax ignores a shift common to
     * all), or plus and minus the one weight for two classes.
     */
    public float towards(int i, int klass, int classes) {
        if (outputs == 1) {
            float w = weights[i];
            return klass == 1 ? w : -w;
        }
        float mean = 0;
        for (int o = 0; o < outputs; o++) {
            mean += weights[o * columns.length + i];
        }
        return weights[klass * columns.length + i] - mean / outputs;
    }
}
