package org.activelabeler.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

    @Test
    void matchesAHandComputedConfusionMatrix() {
        // gold negative: 3 predicted negative, 1 predicted positive
        // gold positive: 2 predicted negative, 4 predicted positive
        int[] gold = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
        float[] p = {0.1f, 0.49f, 0.2f, 0.5f, 0.3f, 0.0f, 0.51f, 0.9f, 1.0f, 0.7f};

        assertThat(BinaryMetrics.confusion(p, gold)).isDeepEqualTo(new int[][] {{3, 1}, {2, 4}});

        BinaryMetrics metrics = BinaryMetrics.of(p, gold);
        // accuracy (3 + 4) / 10
        assertThat(metrics.accuracy()).isCloseTo(0.7, within(1e-12));
        // F1 positive = 2*4 / (2*4 + 1 + 2) = 8/11; F1 negative = 2*3 / (2*3 + 2 + 1) = 6/9
        assertThat(metrics.macroF1()).isCloseTo((8.0 / 11 + 6.0 / 9) / 2, within(1e-12));
    }

    @Test
    void perfectPredictionsScoreOne() {
        BinaryMetrics metrics = BinaryMetrics.of(new float[] {0.2f, 0.8f, 0.6f}, new int[] {0, 1, 1});

        assertThat(metrics.accuracy()).isEqualTo(1.0);
        assertThat(metrics.macroF1()).isEqualTo(1.0);
    }

    @Test
    void aClassNeitherPresentNorPredictedCountsZero() {
        BinaryMetrics metrics = BinaryMetrics.of(new float[] {0.9f, 0.7f}, new int[] {1, 1});

        assertThat(metrics.accuracy()).isEqualTo(1.0);
        assertThat(metrics.macroF1()).isEqualTo(0.5);
    }

    @Test
    void rejectsMismatchedOrEmptyInput() {
        assertThatThrownBy(() -> BinaryMetrics.of(new float[] {0.5f}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BinaryMetrics.of(new float[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
