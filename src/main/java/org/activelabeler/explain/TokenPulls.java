package org.activelabeler.explain;

import java.util.Arrays;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.model.LinearWeights;

/**
 * How far each token of a text pulls a linear model's TF-IDF block toward a class: every n-gram
 * occurrence adds its TF-IDF share times the model's weight for that class (against the others), split
 * evenly over its tokens. The pulls of a text add up to what the TF-IDF block adds to that class's
 * logit; the other blocks (the latent projection, the embeddings) have no tokens and are left out.
 */
public final class TokenPulls {
    private final FeaturePipeline pipeline;
    private final int[] columns;
    private final float[][] towards;

    /**
     * @param weights the model's weights of the TF-IDF columns (below the pipeline's sparse column count)
     * @param classes how many classes the model tells apart
     */
    public TokenPulls(FeaturePipeline pipeline, LinearWeights weights, int classes) {
        this.pipeline = pipeline;
        Integer[] order = new Integer[weights.columns().length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(weights.columns()[a], weights.columns()[b]));
        this.columns = new int[order.length];
        this.towards = new float[classes][order.length];
        for (int k = 0; k < order.length; k++) {
            columns[k] = weights.columns()[order[k]];
            for (int c = 0; c < classes; c++) {
                towards[c][k] = weights.towards(order[k], c, classes);
            }
        }
    }

    public int classes() {
        return towards.length;
    }

    /** Each token's pull toward {@code klass}: positive raises its probability, negative lowers it. */
    public double[] pulls(int[] tokens, int klass) {
        double[] pulls = new double[tokens.length];
        float[] weights = towards[klass];
        pipeline.forEachTerm(tokens, (start, length, column, value) -> {
            int i = Arrays.binarySearch(columns, column);
            if (i >= 0) {
                double each = (double) value * weights[i] / length;
                for (int t = start; t < start + length; t++) {
                    pulls[t] += each;
                }
            }
        });
        return pulls;
    }
}
