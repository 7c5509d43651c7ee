package org.activelabeler.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.activelabeler.model.Predictions;
import org.junit.jupiter.api.Test;

class BaldSamplingTest {

    @Test
    void passesThatDisagreeScoreHighAndConsistentDoubtScoresZero() {
        Predictions[] passes = {
                Predictions.binary(new float[] {0.9f, 0.5f, 0.99f}),
                Predictions.binary(new float[] {0.1f, 0.5f, 0.99f}),
        };
        double[] scores = BaldSampling.mutualInformation(passes);
        // review 0: H(0.5) - H(0.9) = ln 2 - 0.325083
        assertThat(scores[0]).isCloseTo(Math.log(2) - 0.3250829733914482, within(1e-6));
        // review 1: every pass says 0.5, so the doubt is in the data, not the weights
        assertThat(scores[1]).isCloseTo(0.0, within(1e-9));
        assertThat(scores[2]).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void entropyIsLnKWhenUniformAndZeroWhenCertain() {
        assertThat(BaldSampling.entropy(new double[] {0.5, 0.5})).isCloseTo(Math.log(2), within(1e-12));
        assertThat(BaldSampling.entropy(new double[] {0.2, 0.2, 0.2, 0.2, 0.2})).isCloseTo(Math.log(5), within(1e-12));
        assertThat(BaldSampling.entropy(new double[] {1, 0, 0})).isZero();
    }

    @Test
    void threeClassPassesThatDisagreeOnTheClassScoreHigh() {
        Predictions[] passes = {
                Predictions.of(new float[] {0.8f, 0.1f, 0.1f, 1 / 3f, 1 / 3f, 1 / 3f}, 3),
                Predictions.of(new float[] {0.1f, 0.8f, 0.1f, 1 / 3f, 1 / 3f, 1 / 3f}, 3),
        };
        double[] scores = BaldSampling.mutualInformation(passes);
        double passEntropy = -(0.8 * Math.log(0.8) + 2 * 0.1 * Math.log(0.1));
        double meanEntropy = -(2 * 0.45 * Math.log(0.45) + 0.1 * Math.log(0.1));
        assertThat(scores[0]).isCloseTo(meanEntropy - passEntropy, within(1e-6));
        assertThat(scores[1]).isCloseTo(0.0, within(1e-6));
    }
}
