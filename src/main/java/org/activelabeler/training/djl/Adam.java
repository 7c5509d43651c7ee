package org.activelabeler.training.djl;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;

/**
 * Adam (beta 0.9 and 0.999, epsilon 1e-8, the bias correction folded into the step size as DJL's Adam
 * does), with its moment estimates and a step count per weight kept on the heap, so that a round can go
 * on from the last one's state: a weight the last round knew keeps its estimates, a new one starts from
 * zero and is corrected as on its first step. The engine computes the gradients; the update itself is
 * two passes over the arrays here: the moments and each weight's direction in float arithmetic (which the
 * JIT vectorizes), then the step, with one step size for all when every weight has taken as many steps.
 */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final float MEAN_DECAY = (float) BETA1;
    private static final float VARIANCE_DECAY = (float) BETA2;
    private static final float EPSILON = 1e-8f;

    private final double learningRate;
    private final float[] weights;
    private final float[] mean;
    private final float[] variance;
    /** Each weight's steps before this fit; it has taken {@link #taken} more since. */
    private final int[] steps;
    private final boolean sameSteps;
    private final int mostSteps;
    private final float[] direction;
    private int taken;
    private final float[] bias;
    private final float[] biasMean;
    private final float[] biasVariance;
    private int biasSteps;
    private double[] stepSizes = new double[0];

    private Adam(double learningRate, float[] weights, float[] mean, float[] variance, int[] steps, float[] bias,
                 float[] biasMean, float[] biasVariance, int biasSteps) {
        this.learningRate = learningRate;
        this.weights = weights;
        this.mean = mean;
        this.variance = variance;
        this.steps = steps;
        this.sameSteps = Arrays.stream(steps).allMatch(t -> t == steps[0]);
        this.mostSteps = Arrays.stream(steps).max().orElse(0);
        this.direction = new float[weights.length];
        this.bias = bias;
        this.biasMean = biasMean;
        this.biasVariance = biasVariance;
        this.biasSteps = biasSteps;
    }

    static Adam start(float[] weights, int outputs, double learningRate) {
        int n = weights.length;
        return new Adam(learningRate, weights, new float[n], new float[n], new int[n], new float[outputs],
                new float[outputs], new float[outputs], 0);
    }

    static Adam resume(AdamState.Compact start, AdamState from, double learningRate) {
        return new Adam(learningRate, start.weights(), start.mean(), start.variance(), start.steps(),
                from.bias().clone(), from.biasMean().clone(), from.biasVariance().clone(), from.biasSteps());
    }

    float[] weights() {
        return weights;
    }

    float[] bias() {
        return bias;
    }

    /** One step of each weight and bias against its gradient; the device arrays get the new values. */
    void update(NDArray deviceWeights, NDArray gradient, NDArray deviceBias, NDArray biasGradient) {
        float[] g = gradient.toFloatArray();
        for (int i = 0; i < weights.length; i++) {
            float m = MEAN_DECAY * mean[i] + (1 - MEAN_DECAY) * g[i];
            float v = VARIANCE_DECAY * variance[i] + (1 - VARIANCE_DECAY) * g[i] * g[i];
            mean[i] = m;
            variance[i] = v;
            direction[i] = m / ((float) Math.sqrt(v) + EPSILON);
        }
        taken++;
        if (sameSteps) {
            float size = (float) stepSize(steps.length == 0 ? taken : steps[0] + taken);
            for (int i = 0; i < weights.length; i++) {
                weights[i] -= size * direction[i];
            }
        } else {
            stepSize(mostSteps + taken);
            for (int i = 0; i < weights.length; i++) {
                weights[i] -= (float) stepSizes[steps[i] + taken] * direction[i];
            }
        }
        deviceWeights.set(weights);
        float[] gb = biasGradient.toFloatArray();
        int t = ++biasSteps;
        for (int o = 0; o < bias.length; o++) {
            biasMean[o] = MEAN_DECAY * biasMean[o] + (1 - MEAN_DECAY) * gb[o];
            biasVariance[o] = VARIANCE_DECAY * biasVariance[o] + (1 - VARIANCE_DECAY) * gb[o] * gb[o];
            bias[o] -= (float) (stepSize(t) * biasMean[o] / (Math.sqrt(biasVariance[o]) + EPSILON));
        }
        deviceBias.set(bias);
    }

    /** The learning rate with both bias corrections of step {@code t}, from a table grown as needed. */
    private double stepSize(int t) {
        if (t >= stepSizes.length) {
            double[] grown = new double[Math.max(t + 1, stepSizes.length * 2)];
            for (int s = 1; s < grown.length; s++) {
                grown[s] = learningRate * Math.sqrt(1 - Math.pow(BETA2, s)) / (1 - Math.pow(BETA1, s));
            }
            stepSizes = grown;
        }
        return stepSizes[t];
    }

    /** The state to go on from, for the compact columns {@code fullColumns}, with these weights kept. */
    AdamState state(int[] fullColumns, int columnCount, int labels, float[] keptWeights, float[] keptBias) {
        int[] stepsSoFar = Arrays.stream(steps).map(t -> t + taken).toArray();
        return new AdamState(columnCount, labels, bias.length, fullColumns.clone(), keptWeights.clone(), mean.clone(),
                variance.clone(), stepsSoFar, keptBias.clone(), biasMean.clone(), biasVariance.clone(), biasSteps);
    }
}
