package org.activelabeler.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MarginSamplingTest {
    private final QueryStrategy strategy = new MarginSampling();

    private double score(double... p) {
        return strategy.score(p, null);
    }

    @Test
    void isOneMinusTheGapBetweenTheTwoLikeliestClasses() {
        assertThat(score(0.5, 0.5)).isCloseTo(1.0, within(1e-12));
        assertThat(score(0.9, 0.1)).isCloseTo(0.2, within(1e-12));
        assertThat(score(0.7, 0.3)).isCloseTo(0.6, within(1e-12));
        assertThat(score(0.5, 0.3, 0.2)).isCloseTo(0.8, within(1e-12));
        assertThat(score(1.0, 0.0)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void findsTheTwoLikeliestWhateverTheirPositions() {
        assertThat(score(0.1, 0.9)).isCloseTo(0.2, within(1e-12));
        assertThat(score(0.2, 0.3, 0.5)).isCloseTo(0.8, within(1e-12));
        assertThat(score(0.3, 0.2, 0.5)).isCloseTo(0.8, within(1e-12));
        assertThat(score(0.4, 0.4, 0.2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void hasItsCommandLineName() {
        assertThat(strategy.name()).isEqualTo("margin");
    }
}
