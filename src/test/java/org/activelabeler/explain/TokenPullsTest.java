package org.activelabeler.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.features.FeatureSettings;
import org.activelabeler.model.LinearWeights;
import org.junit.jupiter.api.Test;

class TokenPullsTest {
    private static final FeatureSettings SETTINGS = new FeatureSettings(2, 12, 1, 0, 0f);
    private static final int[][] CORPUS = {{1, 2, 3}, {1, 4, 4, 5}, {2, 3, 6}, {5, 6, 1, 2}};

    @Test
    void theTokensOfATextAddUpToWhatItsRowAddsToTheLogit() {
        FeaturePipeline pipeline = FeaturePipeline.fit(CORPUS, SETTINGS).pipeline();
        int[] columns = {1, 2, 3, 4, 5, 6};
        float[] weights = {0.5f, -1f, 2f, 0.25f, -0.75f, 1.5f};
        TokenPulls pulls = new TokenPulls(pipeline, new LinearWeights(columns, weights, 1), 2);
        int[] text = {1, 4, 4, 5};

        double[] toward = pulls.pulls(text, 1);

        FeatureMatrix row = pipeline.transform(new int[][] {text});
        double logit = 0;
        for (int p = row.rowStart(0); p < row.rowEnd(0); p++) {
            int column = row.column(p);
            logit += column >= 1 && column <= 6 ? row.value(p) * weights[column - 1] : 0;
        }
        assertThat(sum(toward)).isCloseTo(logit, within(1e-5));
        assertThat(toward[1]).as("each occurrence of token 4 gets half of its column").isCloseTo(toward[2], within(1e-9));
        assertThat(toward[1]).isPositive();
        assertThat(toward[3]).as("token 5 pulls away from class 1").isNegative();
        double[] away = pulls.pulls(text, 0);
        for (int t = 0; t < text.length; t++) {
            assertThat(away[t]).isCloseTo(-toward[t], within(1e-9));
        }
    }

    @Test
    void aBigramsWeightIsSharedByItsTwoTokens() {
        FeaturePipeline pipeline = FeaturePipeline.fit(CORPUS, SETTINGS).pipeline();
        int[] text = {2, 3};
        int[] bigram = new int[1];
        new org.activelabeler.features.NgramCounter(SETTINGS).forEachNgram(text, (start, length, column) -> {
            if (length == 2) {
                bigram[0] = column;
            }
        });
        TokenPulls pulls = new TokenPulls(pipeline, new LinearWeights(new int[] {bigram[0]}, new float[] {3f}, 1), 2);

        double[] toward = pulls.pulls(text, 1);

        assertThat(toward[0]).isPositive().isCloseTo(toward[1], within(1e-9));
    }

    @Test
    void withMoreClassesEachTokensPullsCancelOutOverTheClasses() {
        FeaturePipeline pipeline = FeaturePipeline.fit(CORPUS, SETTINGS).pipeline();
        int[] columns = {1, 4};
        float[] weights = {1f, 0f, 0f, 2f, 0.5f, -1f};
        TokenPulls pulls = new TokenPulls(pipeline, new LinearWeights(columns, weights, 3), 3);
        int[] text = {1, 4};

        double[][] byClass = {pulls.pulls(text, 0), pulls.pulls(text, 1), pulls.pulls(text, 2)};

        for (int t = 0; t < text.length; t++) {
            assertThat(byClass[0][t] + byClass[1][t] + byClass[2][t]).isCloseTo(0, within(1e-6));
        }
        assertThat(byClass[0][0]).as("token 1 is class 0's word").isGreaterThan(byClass[1][0]);
        assertThat(byClass[1][1]).as("token 4 is class 1's word").isGreaterThan(byClass[2][1]);
    }

    @Test
    void aColumnTheModelNeverSawPullsNothing() {
        FeaturePipeline pipeline = FeaturePipeline.fit(CORPUS, SETTINGS).pipeline();
        TokenPulls pulls = new TokenPulls(pipeline, new LinearWeights(new int[] {1}, new float[] {1f}, 1), 2);

        assertThat(pulls.pulls(new int[] {6, 6}, 1)).containsExactly(0, 0);
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
