package org.activelabeler.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.activelabeler.model.Predictions;
import org.junit.jupiter.api.Test;

class DiverseEntropySamplingTest {

    /**
     * Three groups of near-duplicates in embedding space; the six most uncertain texts are all in
     * group A. Entropy asks three of group A; the diverse strategy one text of each group, each its
     * group's most uncertain.
     */
    @Test
    void oneTextPerGroupInsteadOfThreeNearDuplicates() {
        float[][] vectors = new float[30][];
        float[] p = new float[30 * 2];
        for (int row = 0; row < 30; row++) {
            int group = row / 10;
            vectors[row] = new float[] {group == 0 ? 1 : 0, group == 1 ? 1 : 0, group == 2 ? 1 : 0};
            vectors[row][group] -= 0.001f * (row % 10);
            // group A (rows 0-9) near 0.5, then B (10-19), then C (20-29) ever more certain
            double positive = group == 0 ? 0.5 + 0.01 * (row % 10) : group == 1 ? 0.7 + 0.01 * (row % 10)
                    : 0.85 + 0.01 * (row % 10);
            p[row * 2] = (float) (1 - positive);
            p[row * 2 + 1] = (float) positive;
        }
        Predictions predictions = Predictions.of(p, 2);
        int[] candidates = java.util.stream.IntStream.range(0, 30).toArray();

        var entropy = new BatchSelector(new EntropySampling()).top(predictions, candidates, 3, new SplittableRandom(1));
        assertThat(entropy).extracting(RankedCandidate::row).containsExactly(0, 1, 2);

        var diverse = new BatchSelector(new DiverseEntropySampling(), vectors).top(predictions, candidates, 3,
                new SplittableRandom(1));
        assertThat(diverse).extracting(RankedCandidate::row).containsExactly(0, 10, 20);
        assertThat(diverse).extracting(RankedCandidate::rank).containsExactly(1, 2, 3);
    }

    @Test
    void withoutVectorsItRanksAsEntropy() {
        float[] p = {0.5f, 0.5f, 0.9f, 0.1f, 0.6f, 0.4f};
        Predictions predictions = Predictions.of(p, 2);
        var ranked = new BatchSelector(new DiverseEntropySampling()).top(predictions, new int[] {0, 1, 2}, 2,
                new SplittableRandom(1));
        assertThat(ranked).extracting(RankedCandidate::row).containsExactly(0, 2);
    }

    @Test
    void kMeansSeparatesTwoClouds() {
        double[][] points = {{0, 0}, {0.1, 0}, {0, 0.1}, {5, 5}, {5.1, 5}, {5, 5.1}};
        int[] clusters = DiverseEntropySampling.kMeans(points, new double[] {1, 1, 1, 1, 1, 1}, 2,
                new SplittableRandom(3));
        assertThat(clusters[0]).isEqualTo(clusters[1]).isEqualTo(clusters[2]);
        assertThat(clusters[3]).isEqualTo(clusters[4]).isEqualTo(clusters[5]).isNotEqualTo(clusters[0]);
    }
}
