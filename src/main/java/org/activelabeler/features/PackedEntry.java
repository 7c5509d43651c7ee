package org.activelabeler.features;

/**
 * A sparse entry of a unit-length row in one int instead of an int and a float: the column in the high
 * {@value #COLUMN_BITS} bits, the value in the low {@value #VALUE_BITS} as a small float (4 exponent bits
 * for 2^-15 .. 1, 7 mantissa bits, rounded to nearest: at most 2^-8 of the value off, bfloat16's precision).
 * TF-IDF rows are L2-normalised, so their values lie in (0, 1]; at a million texts this halves the largest
 * thing in memory (400 million entries: 3.2 GB as int and float, 1.6 GB packed).
 */
final class PackedEntry {
    static final int COLUMN_BITS = 21;
    static final int VALUE_BITS = Integer.SIZE - COLUMN_BITS;
    private static final int VALUE_MASK = (1 << VALUE_BITS) - 1;
    private static final int MANTISSA_BITS = 7;
    private static final int SMALLEST_EXPONENT = -15;
    /** float's exponent bias less the code's: adding it to a code gives the top 16 bits of the float. */
    private static final int REBIAS = (127 + SMALLEST_EXPONENT) << MANTISSA_BITS;
    private static final int DROPPED_BITS = 23 - MANTISSA_BITS;
    /** The largest value taken as 1: float rounding of a unit-length row's norm. */
    private static final float ROUNDED_ONE = 1f + 8 * Math.ulp(1f);

    private PackedEntry() {
    }

    /** Whether the columns of a space this wide fit an entry. */
    static boolean fits(int columnCount) {
        return columnCount <= 1 << COLUMN_BITS;
    }

    /**
     * {@code column} and {@code value} (in (0, 1]; below 2^-15 becomes 2^-15, and a few float steps over 1,
     * which normalising a row of one entry can give, becomes 1) as one entry.
     */
    static int of(int column, float value) {
        if (column < 0 || column >= 1 << COLUMN_BITS) {
            throw new IllegalArgumentException("Column " + column + " does not fit " + COLUMN_BITS + " bits");
        }
        if (!(value > 0f && value <= ROUNDED_ONE)) {
            throw new IllegalArgumentException("Value " + value + " of column " + column + " is outside (0, 1]");
        }
        int rounded = Float.floatToRawIntBits(Math.min(value, 1f)) + (1 << (DROPPED_BITS - 1));
        int exponent = (rounded >>> 23) - 127;
        int code = exponent < SMALLEST_EXPONENT ? 0
                : ((exponent - SMALLEST_EXPONENT) << MANTISSA_BITS) | ((rounded >>> DROPPED_BITS) & ((1 << MANTISSA_BITS) - 1));
        return column << VALUE_BITS | code;
    }

    static int column(int entry) {
        return entry >>> VALUE_BITS;
    }

    static float value(int entry) {
        return Float.intBitsToFloat(((entry & VALUE_MASK) + REBIAS) << DROPPED_BITS);
    }
}
