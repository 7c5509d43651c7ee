package org.activelabeler.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Float16Test {

    @Test
    void everyHalfSurvivesTheRoundTrip() {
        for (int bits = 0; bits < 1 << 16; bits++) {
            short half = (short) bits;
            float value = Float16.toFloat(half);
            if (Float.isNaN(value)) {
                assertThat(Float.isNaN(Float16.toFloat(Float16.fromFloat(value)))).isTrue();
            } else {
                assertThat(Float16.fromFloat(value)).as("half %04x", bits).isEqualTo(half);
            }
        }
    }

    @Test
    void knownValuesTiesAndTheRangeEnds() {
        assertThat(Float16.toFloat(Float16.fromFloat(1f))).isEqualTo(1f);
        assertThat(Float16.fromFloat(1f)).isEqualTo((short) 0x3c00);
        assertThat(Float16.fromFloat(-2f)).isEqualTo((short) 0xc000);
        assertThat(Float16.fromFloat(65504f)).isEqualTo((short) 0x7bff);
        assertThat(Float16.fromFloat(1e6f)).isEqualTo((short) 0x7c00);
        assertThat(Float16.fromFloat(0x1p-24f)).isEqualTo((short) 0x0001);
        assertThat(Float16.fromFloat(0x1p-26f)).isEqualTo((short) 0);
        // halfway between 1 and the next half (1 + 2^-10) rounds to the even one, 1
        assertThat(Float16.fromFloat(1f + 0x1p-11f)).isEqualTo((short) 0x3c00);
        assertThat(Float16.fromFloat(1f + 3 * 0x1p-11f)).isEqualTo((short) 0x3c02);
    }

    /** The same rounding as PyTorch's cast, on values of the size sentence vectors hold and beyond. */
    @Test
    void roundsAsPyTorchDoes() {
        Random random = new Random(3);
        float[] values = new float[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 8));
        }
        float[] torch;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray half = manager.create(values).toType(DataType.FLOAT16, false);
            torch = half.toType(DataType.FLOAT32, false).toFloatArray();
        }
        assertThat(Float16.round(values)).containsExactly(torch);
    }
}
