package org.activelabeler.training.djl;

/**
 * The iterate with the lowest objective (mean loss + {@code l2 / 2 |w|^2}) among those offered. Adam's
 * last iterate is not always its best: at a step size that fits a round in a few dozen steps it now and
 * then ends on an upswing, and a round's model fell 7-8 points on the IMDB carve-out for one round.
 */
final class LowestObjective {
    private final float l2;
    private double lowest = Double.POSITIVE_INFINITY;
    private float[] weights;
    private float[] bias;

    LowestObjective(float l2) {
        this.l2 = l2;
    }

    /** Keeps a copy of these weights if their objective is the lowest so far. */
    void offer(double loss, float[] candidateWeights, float[] candidateBias) {
        double squares = 0;
        for (float w : candidateWeights) {
            squares += w * w;
        }
        double objective = loss + l2 / 2.0 * squares;
        if (objective < lowest) {
            lowest = objective;
            weights = copy(candidateWeights, weights);
            bias = copy(candidateBias, bias);
        }
    }

    private static float[] copy(float[] from, float[] into) {
        float[] target = into == null || into.length != from.length ? new float[from.length] : into;
        System.arraycopy(from, 0, target, 0, from.length);
        return target;
    }

    float[] weights() {
        return weights;
    }

    float[] bias() {
        return bias;
    }
}
