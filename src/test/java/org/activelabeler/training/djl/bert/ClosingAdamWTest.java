package org.activelabeler.training.djl.bert;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimizer's moments live in native memory; DJL's AdamW never frees them, this one does on close. */
class ClosingAdamWTest {
    @Test
    void stepsAsDjlsAdamWAndCloseFreesTheMomentsOfEveryParameter() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray ours = manager.create(new float[] {1f, -2f, 3f});
            NDArray theirs = ours.duplicate();
            NDArray bias = manager.create(new float[] {0.5f});
            NDArray gradient = manager.create(new float[] {0.1f, 0.2f, -0.3f});
            AdamW reference = AdamW.builder().optLearningRateTracker(Tracker.fixed(0.01f)).build();
            List<NDArray> moments;
            try (ClosingAdamW optimizer = new ClosingAdamW(AdamW.builder().optLearningRateTracker(Tracker.fixed(0.01f)))) {
                for (int step = 0; step < 3; step++) {
                    optimizer.update("w", ours, gradient);
                    reference.update("w", theirs, gradient);
                }
                optimizer.update("b", bias, manager.create(new float[] {1f}));
                assertThat(ours.toFloatArray()).containsExactly(theirs.toFloatArray());
                assertThat(ours.getFloat(0)).isLessThan(1f);
                moments = optimizer.moments();
                assertThat(moments).hasSize(4).noneMatch(NDArray::isReleased);
            }
            assertThat(moments).allMatch(NDArray::isReleased);
            assertThat(ours.isReleased()).as("the weights stay").isFalse();
        }
    }
}
