package org.activelabeler.training.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** Adam's steps against the textbook update written out in double precision, weight by weight. */
class AdamTest {
    private static final double RATE = 0.5;

    @Test
    void aFreshStartStepsEveryWeightAsTheTextbookDoes() {
        float[] start = {0.3f, -0.2f, 0f, 1.5f, -0.01f};
        Reference reference = new Reference(start, new double[5], new double[5], new int[5]);
        Adam adam = Adam.start(start.clone(), 1, RATE);
        float[][] gradients = {{0.1f, -0.4f, 0f, 2f, 1e-4f}, {0.05f, 0.3f, -0.2f, 1f, 0f}, {-0.1f, 0f, 0.7f, 0.5f, 3f}};
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            for (float[] gradient : gradients) {
                step(manager, adam, gradient);
                reference.step(gradient);
                assertClose(adam.weights(), reference.weights);
            }
        }
    }

    @Test
    void aResumedStartStepsEachWeightFromItsOwnCount() {
        // weights the last round knew (7 and 3 steps) beside new ones (0 steps)
        float[] weights = {0.4f, -0.7f, 0f, 0.2f};
        float[] mean = {0.02f, -0.05f, 0f, 0.01f};
        float[] variance = {1e-3f, 4e-3f, 0f, 2e-4f};
        int[] steps = {7, 3, 0, 7};
        AdamState last = new AdamState(4, 100, 1, new int[] {0, 1, 2, 3}, weights, mean, variance, steps,
                new float[] {0.1f}, new float[] {0.01f}, new float[] {1e-4f}, 7);
        Adam adam = Adam.resume(last.onto(new int[] {0, 1, 2, 3}), last, RATE);
        Reference reference = new Reference(weights, toDouble(mean), toDouble(variance), steps);
        float[][] gradients = {{0.2f, 0.1f, -0.3f, 0f}, {-0.1f, 0.05f, 0.2f, 0.4f}};
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            for (float[] gradient : gradients) {
                step(manager, adam, gradient);
                reference.step(gradient);
                assertClose(adam.weights(), reference.weights);
            }
        }
        AdamState next = adam.state(new int[] {0, 1, 2, 3}, 4, 110, adam.weights(), adam.bias());
        assertThat(next.steps()).as("each weight's count goes on").containsExactly(9, 5, 2, 9);
    }

    private static void step(NDManager manager, Adam adam, float[] gradient) {
        NDArray deviceWeights = manager.create(adam.weights());
        NDArray deviceBias = manager.create(adam.bias());
        adam.update(deviceWeights, manager.create(gradient), deviceBias, manager.create(new float[] {0.1f}));
        assertThat(deviceWeights.toFloatArray()).as("the device gets the new weights").containsExactly(adam.weights());
    }

    private static void assertClose(float[] actual, double[] expected) {
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("weight %d", i).isCloseTo(expected[i], within(1e-5 + 1e-5 * Math.abs(expected[i])));
        }
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Adam (beta 0.9 and 0.999, epsilon 1e-8) with the bias corrections in the step size, in doubles. */
    private static final class Reference {
        final double[] weights;
        final double[] mean;
        final double[] variance;
        final int[] steps;

        Reference(float[] weights, double[] mean, double[] variance, int[] steps) {
            this.weights = toDouble(weights);
            this.mean = mean.clone();
            this.variance = variance.clone();
            this.steps = steps.clone();
        }

        void step(float[] gradient) {
            for (int i = 0; i < weights.length; i++) {
                int t = ++steps[i];
                mean[i] = 0.9 * mean[i] + 0.1 * gradient[i];
                variance[i] = 0.999 * variance[i] + 0.001 * gradient[i] * gradient[i];
                double size = RATE * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
                weights[i] -= size * mean[i] / (Math.sqrt(variance[i]) + 1e-8);
            }
        }
    }
}
