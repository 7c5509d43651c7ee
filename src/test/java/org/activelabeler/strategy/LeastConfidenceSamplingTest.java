package org.activelabeler.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LeastConfidenceSamplingTest {
    private final QueryStrategy strategy = new LeastConfidenceSampling();

    private double score(double... p) {
        return strategy.score(p, null);
    }

    @Test
    void isOneMinusTheLargestProbability() {
        assertThat(score(0.5, 0.5)).isCloseTo(0.5, within(1e-12));
        assertThat(score(0.9, 0.1)).isCloseTo(0.1, within(1e-12));
        assertThat(score(0.1, 0.9)).isCloseTo(0.1, within(1e-12));
        assertThat(score(0.7, 0.3)).isCloseTo(0.3, within(1e-12));
        assertThat(score(0.5, 0.3, 0.2)).isCloseTo(0.5, within(1e-12));
        assertThat(score(0.2, 0.3, 0.5)).isCloseTo(0.5, within(1e-12));
        assertThat(score(1.0, 0.0)).isZero();
    }

    @Test
    void hasItsCommandLineName() {
        assertThat(strategy.name()).isEqualTo("least-confidence");
    }
}
