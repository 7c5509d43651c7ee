package org.activelabeler.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EntropySamplingTest {
    private final QueryStrategy strategy = new EntropySampling();

    private double score(double... p) {
        return strategy.score(p, null);
    }

    @Test
    void isMinusSumOfPLnP() {
        // -(0.5 ln 0.5 + 0.5 ln 0.5) = ln 2
        assertThat(score(0.5, 0.5)).isCloseTo(0.6931471805599453, within(1e-12));
        // -(0.9 ln 0.9 + 0.1 ln 0.1) = 0.0948245 + 0.2302585
        assertThat(score(0.9, 0.1)).isCloseTo(0.3250829733914482, within(1e-12));
        // -(0.7 ln 0.7 + 0.3 ln 0.3) = 0.2496725 + 0.3611918
        assertThat(score(0.7, 0.3)).isCloseTo(0.6108643020548935, within(1e-12));
        // -(0.5 ln 0.5 + 0.3 ln 0.3 + 0.2 ln 0.2) = 0.3465736 + 0.3611918 + 0.3218876
        assertThat(score(0.5, 0.3, 0.2)).isCloseTo(1.0296530140645737, within(1e-12));
    }

    @Test
    void aCertainPredictionScoresZero() {
        assertThat(score(1.0, 0.0)).isZero();
        assertThat(score(0.0, 1.0)).isZero();
    }

    @Test
    void ignoresClassOrder() {
        assertThat(score(0.1, 0.9)).isEqualTo(score(0.9, 0.1));
        assertThat(score(0.2, 0.5, 0.3)).isCloseTo(score(0.5, 0.3, 0.2), within(1e-12));
    }

    @Test
    void hasItsCommandLineName() {
        assertThat(strategy.name()).isEqualTo("entropy");
    }
}
