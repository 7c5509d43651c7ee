package org.activelabeler.training.djl;

import ai.djl.ndarray.NDArray;

/**
 * Adam (beta 0.9 and 0.999, epsilon 1e-8, the bias correction folded into the step size as DJL's Adam
 * does), with its moment estimates and a step count per weight kept on the heap, so that a round can go
 * on from the last one's state: a weight the last round knew keeps its estimates, a new one starts from
 * zero and is corrected as on its first step. The engine computes the gradients; the update itself is
 * one pass over the arrays here.
 */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final float[] weights;
    private final float[] mean;
    private final float[] variance;
    private final int[] steps;
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
            int t = ++steps[i];
            mean[i] = (float) (BETA1 * mean[i] + (1 - BETA1) * g[i]);
            variance[i] = (float) (BETA2 * variance[i] + (1 - BETA2) * g[i] * g[i]);
            weights[i] -= (float) (stepSize(t) * mean[i] / (Math.sqrt(variance[i]) + EPSILON));
        }
        deviceWeights.set(weights);
        float[] gb = biasGradient.toFloatArray();
        int t = ++biasSteps;
        for (int o = 0; o < bias.length; o++) {
            biasMean[o] = (float) (BETA1 * biasMean[o] + (1 - BETA1) * gb[o]);
            biasVariance[o] = (float) (BETA2 * biasVariance[o] + (1 - BETA2) * gb[o] * gb[o]);
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
        return new AdamState(columnCount, labels, bias.length, fullColumns.clone(), keptWeights.clone(), mean.clone(),
                variance.clone(), steps.clone(), keptBias.clone(), biasMean.clone(), biasVariance.clone(), biasSteps);
    }
}
