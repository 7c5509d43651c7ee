package org.activelabeler.twospeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.activelabeler.model.Predictions;
import org.junit.jupiter.api.Test;

class CandidateSetTest {
    private static final TwoSpeedSettings THREE_PLUS_TWO = TwoSpeedSettings.forCpu(1).withCandidates(3, 2);

    @Test
    void takesTheFastModelsMostUncertainThenRandomOthers() {
        Predictions fast = Predictions.binary(new float[] {0.5f, 0.99f, 0.45f, 0.01f, 0.6f, 0.9f, 0.95f, 0.02f, 0.98f,
                0.51f});
        int[] unlabeled = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        int[] picked = CandidateSet.pick(fast, unlabeled, THREE_PLUS_TWO, new SplittableRandom(3));

        assertThat(picked).hasSize(5);
        assertThat(Arrays.copyOf(picked, 3)).containsExactly(0, 2, 4);
        assertThat(Arrays.copyOfRange(picked, 3, 5)).doesNotContain(0, 2, 4, 9).doesNotHaveDuplicates();
    }

    @Test
    void takesEveryUnlabeledReviewWhenThePoolIsSmallOrWholePoolIsAsked() {
        Predictions fast = Predictions.binary(new float[4]);
        int[] unlabeled = {0, 2, 3};
        assertThat(CandidateSet.pick(fast, unlabeled, THREE_PLUS_TWO, new SplittableRandom(1))).containsExactly(0, 2, 3);
        Predictions big = Predictions.binary(new float[100]);
        int[] all = IntStream.range(0, 100).toArray();
        assertThat(CandidateSet.pick(big, all, TwoSpeedSettings.forGpu(1), new SplittableRandom(1))).hasSize(100);
    }
}
