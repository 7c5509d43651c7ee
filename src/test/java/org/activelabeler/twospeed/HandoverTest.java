package org.activelabeler.twospeed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandoverTest {

    @Test
    void theTransformerTakesTheQueueOnlyWithAStrictlyBetterEstimate() {
        assertThat(Handover.judge(0.80, 0.82, 0.81, 50).owner()).isEqualTo(QueueOwner.TRANSFORMER);
        assertThat(Handover.judge(0.80, 0.80, 0.80, 50).owner()).isEqualTo(QueueOwner.FAST);
        assertThat(Handover.judge(0.80, 0.78, 0.79, 50).owner()).isEqualTo(QueueOwner.FAST);
        assertThat(Handover.judge(0.80, Double.NaN, Double.NaN, 0).owner()).isEqualTo(QueueOwner.FAST);
    }

    @Test
    void theEnsembleTakesTheQueueWhenItBeatsBoth() {
        assertThat(Handover.judge(0.80, 0.78, 0.84, 50).owner()).isEqualTo(QueueOwner.ENSEMBLE);
        assertThat(Handover.judge(0.80, 0.84, 0.84, 50).owner()).isEqualTo(QueueOwner.TRANSFORMER);
    }

    @Test
    void summarySaysEveryFigureAndTheirBasis() {
        assertThat(Handover.judge(0.8, 0.84, 0.86, 50).summary())
                .isEqualTo("transformer 84.0%, both 86.0%, fast model 80.0% on 50 held-out labels");
    }
}
