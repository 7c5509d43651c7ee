package org.activelabeler.training.djl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LowestObjectiveTest {

    @Test
    void keepsACopyOfTheIterateWithTheLowestLossPlusPenalty() {
        LowestObjective lowest = new LowestObjective(0.5f);
        float[] weights = {1f, -1f};
        float[] bias = {0.1f};
        lowest.offer(0.9, weights, bias);
        weights[0] = 3f;
        bias[0] = 0.2f;
        lowest.offer(0.5, weights, bias);

        assertThat(lowest.weights()).as("0.5 + 0.25 * 10 is above 0.9 + 0.25 * 2").containsExactly(1f, -1f);
        assertThat(lowest.bias()).containsExactly(0.1f);

        weights[0] = 0f;
        lowest.offer(0.8, weights, bias);
        assertThat(lowest.weights()).containsExactly(0f, -1f);
        weights[1] = 7f;
        assertThat(lowest.weights()).as("a copy, not the caller's array").containsExactly(0f, -1f);
    }

    @Test
    void holdsNothingBeforeAnOffer() {
        assertThat(new LowestObjective(0f).weights()).isNull();
    }
}
