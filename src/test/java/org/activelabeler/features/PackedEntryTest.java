package org.activelabeler.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PackedEntryTest {
    @Test
    void keepsTheColumnExactlyAndTheValueWithinTwoToTheMinusEight() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            int column = random.nextInt(1 << PackedEntry.COLUMN_BITS);
            float value = (float) Math.pow(2, -15 * random.nextDouble());

            int entry = PackedEntry.of(column, value);

            assertThat(PackedEntry.column(entry)).isEqualTo(column);
            assertThat(Math.abs(PackedEntry.value(entry) - value)).as("value %s", value)
                    .isLessThanOrEqualTo(value / 256);
        }
    }

    @Test
    void theEndsOfTheRangeAndPowersOfTwoAreExact() {
        int last = (1 << PackedEntry.COLUMN_BITS) - 1;

        assertThat(PackedEntry.value(PackedEntry.of(last, 1f))).isEqualTo(1f);
        assertThat(PackedEntry.column(PackedEntry.of(last, 1f))).isEqualTo(last);
        assertThat(PackedEntry.value(PackedEntry.of(0, 0.25f))).isEqualTo(0.25f);
        assertThat(PackedEntry.value(PackedEntry.of(0, 0x1p-15f))).isEqualTo(0x1p-15f);
        assertThat(PackedEntry.value(PackedEntry.of(0, 1e-9f))).isEqualTo(0x1p-15f);
        assertThat(PackedEntry.value(PackedEntry.of(7, Math.nextDown(1f)))).isEqualTo(1f);
        // Normalising a row of one entry in floats can land a step over 1.
        assertThat(PackedEntry.value(PackedEntry.of(7, Math.nextUp(1f)))).isEqualTo(1f);
        assertThat(PackedEntry.column(PackedEntry.of(7, Math.nextUp(1f)))).isEqualTo(7);
    }

    @Test
    void refusesWhatDoesNotFit() {
        assertThatThrownBy(() -> PackedEntry.of(1 << PackedEntry.COLUMN_BITS, 0.5f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("21 bits");
        assertThatThrownBy(() -> PackedEntry.of(3, 1.5f)).hasMessageContaining("outside (0, 1]");
        assertThatThrownBy(() -> PackedEntry.of(3, 1.001f)).hasMessageContaining("outside (0, 1]");
        assertThatThrownBy(() -> PackedEntry.of(3, 0f)).hasMessageContaining("outside (0, 1]");
        assertThatThrownBy(() -> PackedEntry.of(3, Float.NaN)).hasMessageContaining("outside (0, 1]");
        assertThat(PackedEntry.fits(1 << 17 | 1 << 20)).isTrue();
        assertThat(PackedEntry.fits(1 << 17 | 1 << 21)).isFalse();
    }
}
