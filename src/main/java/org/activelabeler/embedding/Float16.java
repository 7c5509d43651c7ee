package org.activelabeler.embedding;

/**
 * IEEE 754 half precision, for storing vectors in half the space (Java 17 has no
 * {@code Float.floatToFloat16}). Rounds to the nearest half, ties to even, as hardware does; values
 * beyond the half range become infinities. A unit-length sentence vector keeps about 3 decimal
 * digits per component, an error near 1e-4 for the usual component sizes.
 */
public final class Float16 {
    private Float16() {
    }

    /** The half nearest to {@code value}, as its 16 bits. */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 | (mantissa >>> 13) : 0));
        }
        int e = exponent - 127 + 15;
        if (e >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign;
            }
            int full = mantissa | 0x800000;
            int shift = 14 - e;
            return (short) (sign | roundShift(full, shift));
        }
        return (short) (sign | roundShift((e << 23) | mantissa, 13));
    }

    /** The float that 16 half bits stand for (exact). */
    public static float toFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }

    /** A copy of {@code values}, each rounded to the nearest half. */
    public static float[] round(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = toFloat(fromFloat(values[i]));
        }
        return out;
    }

    /** {@code value >> shift}, rounded to nearest, ties to even; a carry may step into the exponent. */
    private static int roundShift(int value, int shift) {
        int kept = value >>> shift;
        int rest = value & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        if (rest > halfway || (rest == halfway && (kept & 1) != 0)) {
            kept++;
        }
        return kept;
    }
}
