package org.activelabeler.twospeed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandoverTest {

    @Test
    void theTransformerTakesTheQueueOnlyWithAStrictlyBetterEstimate() {
        assertThat(Handover.judge(0.80, 0.82, 50).owner()).isEqualTo(QueueOwner.TRANSFORMER);
        assertThat(Handover.judge(0.80, 0.80, 50).owner()).isEqualTo(QueueOwner.FAST);
        assertThat(Handover.judge(0.80, 0.78, 50).owner()).isEqualTo(QueueOwner.FAST);
        assertThat(Handover.judge(0.80, Double.NaN, 0).owner()).isEqualTo(QueueOwner.FAST);
    }

    @Test
    void summarySaysBothFiguresAndTheirBasis() {
        assertThat(Handover.judge(0.8, 0.84, 50).summary())
                .isEqualTo("transformer 84.0% vs fast model 80.0% on 50 held-out labels");
    }
}
