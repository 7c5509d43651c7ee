package org.activelabeler.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BaldSamplingTest {

    @Test
    void passesThatDisagreeScoreHighAndConsistentDoubtScoresZero() {
        float[][] passes = {
                {0.9f, 0.5f, 0.99f},
                {0.1f, 0.5f, 0.99f},
        };
        double[] scores = BaldSampling.mutualInformation(passes);
        // review 0: H(0.5) - H(0.9) = ln 2 - 0.325083
        assertThat(scores[0]).isCloseTo(Math.log(2) - 0.3250829733914482, within(1e-6));
        // review 1: every pass says 0.5, so the doubt is in the data, not the weights
        assertThat(scores[1]).isCloseTo(0.0, within(1e-9));
        assertThat(scores[2]).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void binaryEntropyIsLnTwoAtOneHalfAndZeroAtTheEnds() {
        assertThat(BaldSampling.binaryEntropy(0.5)).isCloseTo(Math.log(2), within(1e-12));
        assertThat(BaldSampling.binaryEntropy(0)).isZero();
        assertThat(BaldSampling.binaryEntropy(1)).isZero();
    }
}
