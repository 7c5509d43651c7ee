package org.activelabeler.twospeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {

    @Test
    void aReviewStaysOnItsSideAsLabelsAreAdded() {
        long[] first = LongStream.rangeClosed(1, 200).toArray();
        long[] more = LongStream.rangeClosed(1, 400).toArray();
        ValidationSplit small = ValidationSplit.of(first, 0.2, 13);
        ValidationSplit large = ValidationSplit.of(more, 0.2, 13);

        long[] heldSmall = Arrays.stream(small.validation()).mapToLong(i -> first[i]).toArray();
        long[] heldLarge = Arrays.stream(large.validation()).mapToLong(i -> more[i]).toArray();
        assertThat(heldLarge).contains(heldSmall);
        assertThat(small.train().length + small.validation().length).isEqualTo(200);
        assertThat(large.validation().length).isBetween(50, 110);
    }

    @Test
    void neverLeavesTheValidationSideEmpty() {
        ValidationSplit split = ValidationSplit.of(new long[] {5, 6}, 0.01, 1);
        assertThat(split.validation()).hasSize(1);
        assertThat(split.train()).hasSize(1);
    }

    @Test
    void judgesOnTheRandomlyDrawnLabelsOnceThereAreEnough() {
        long[] keys = LongStream.rangeClosed(1, 100).toArray();
        boolean[] random = new boolean[100];
        for (int i = 0; i < 100; i += 4) {
            random[i] = true;
        }
        ValidationSplit split = ValidationSplit.preferRandomDraws(random, keys, 0.2, 13);
        assertThat(Arrays.stream(split.validation()).boxed().toList()).hasSize(25).allMatch(i -> random[i]);
        assertThat(Arrays.stream(split.train()).boxed().toList()).hasSize(75).noneMatch(i -> random[i]);

        boolean[] few = new boolean[100];
        few[3] = true;
        assertThat(ValidationSplit.preferRandomDraws(few, keys, 0.2, 13).validation())
                .isEqualTo(ValidationSplit.of(keys, 0.2, 13).validation());
    }
}
