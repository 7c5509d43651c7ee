package org.activelabeler.features;

/**
 * Rows of feature vectors: sparse columns in compressed-row form, then an optional dense block. Row
 * {@code r} has the sparse column indices {@code columns[rowStart[r] .. rowStart[r+1])} in increasing
 * order and the values beside them; after the {@link #sparseColumnCount()} sparse columns come
 * {@link #denseWidth()} dense ones (LSA, sentence vectors), kept as one row-major block of floats: half
 * the memory of the same values as (column, value) entries, and one matrix product to train and score.
 * The sparse entries of unit-length rows (TF-IDF) may be {@linkplain #packed() packed}, column and value in
 * one int. Immutable after construction; matrices made from one another share their sparse arrays.
 */
public final class FeatureMatrix {
    private final int[] rowStart;
    /** Each entry's column, or the whole entry as a {@link PackedEntry} when {@code values} is null. */
    private final int[] columns;
    private final float[] values;
    private final int sparseColumnCount;
    /** The dense values: row r's dense column j is {@code dense[r * denseStride + denseOffset + j] * scale[j]}. */
    private final float[] dense;
    private final int denseStride;
    private final int denseOffset;
    private final int denseWidth;
    /** Each dense column's scale, or null for 1: views at another weight share the values. */
    private final float[] denseScale;

    public FeatureMatrix(int[] rowStart, int[] columns, float[] values, int columnCount) {
        this(rowStart, columns, values, columnCount, new float[0], 0, 0, 0, null);
    }

    private FeatureMatrix(int[] rowStart, int[] columns, float[] values, int sparseColumnCount, float[] dense,
                          int denseStride, int denseOffset, int denseWidth, float[] denseScale) {
        if (rowStart.length == 0 || rowStart[rowStart.length - 1] != columns.length
                || values != null && columns.length != values.length) {
            throw new IllegalArgumentException("Inconsistent compressed-row arrays");
        }
        if ((long) (rowStart.length - 1) * denseStride != dense.length || denseOffset + denseWidth > denseStride) {
            throw new IllegalArgumentException("Dense block has " + dense.length + " values, expected "
                    + (long) (rowStart.length - 1) * denseStride);
        }
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
        this.sparseColumnCount = sparseColumnCount;
        this.dense = dense;
        this.denseStride = denseStride;
        this.denseOffset = denseOffset;
        this.denseWidth = denseWidth;
        this.denseScale = denseScale;
    }

    private static FeatureMatrix withOwnDense(int[] rowStart, int[] columns, float[] values, int sparseColumnCount,
                                              float[] dense, int width) {
        return new FeatureMatrix(rowStart, columns, values, sparseColumnCount, dense, width, 0, width, null);
    }

    /** Rows whose sparse entries are {@link PackedEntry packed}, as {@link #packed()} makes them. */
    static FeatureMatrix ofPacked(int[] rowStart, int[] entries, int columnCount) {
        return new FeatureMatrix(rowStart, entries, null, columnCount, new float[0], 0, 0, 0, null);
    }

    /**
     * The same rows with each sparse entry's column and value in one int: half the memory, each value
     * rounded to 8 significant bits. Only for rows with values in (0, 1] (unit length) in a space of at most
     * 2^21 sparse columns; this matrix as it is when already packed.
     */
    public FeatureMatrix packed() {
        if (values == null) {
            return this;
        }
        if (!PackedEntry.fits(sparseColumnCount)) {
            throw new IllegalStateException(sparseColumnCount + " sparse columns do not fit a packed entry");
        }
        int[] entries = new int[columns.length];
        for (int p = 0; p < entries.length; p++) {
            entries[p] = PackedEntry.of(columns[p], values[p]);
        }
        return new FeatureMatrix(rowStart, entries, null, sparseColumnCount, dense, denseStride, denseOffset,
                denseWidth, denseScale);
    }

    /**
     * Copies the sparse entries as they are kept (packed ones as packed ints, with {@code intoValues} null)
     * into the arrays from position {@code at}.
     */
    void copySparseInto(int[] intoColumns, float[] intoValues, int at) {
        if ((values == null) != (intoValues == null)) {
            throw new IllegalArgumentException("Packed entries copy into packed arrays, floats into floats");
        }
        System.arraycopy(columns, 0, intoColumns, at, columns.length);
        if (values != null) {
            System.arraycopy(values, 0, intoValues, at, values.length);
        }
    }

    /** {@code rows} rows without a column: the start for a matrix of dense blocks alone. */
    public static FeatureMatrix empty(int rows) {
        return new FeatureMatrix(new int[rows + 1], new int[0], new float[0], 0);
    }

    /** {@link #withDenseBlock} from one vector per row, all of one length. */
    public FeatureMatrix withDenseRows(float[][] vectors, float weight) {
        int width = vectors.length == 0 ? 0 : vectors[0].length;
        float[] flat = new float[vectors.length * width];
        for (int r = 0; r < vectors.length; r++) {
            if (vectors[r].length != width) {
                throw new IllegalArgumentException("Row " + r + " has " + vectors[r].length + " values, not " + width);
            }
            System.arraycopy(vectors[r], 0, flat, r * width, width);
        }
        return withDenseBlock(flat, width, weight);
    }

    public int rowCount() {
        return rowStart.length - 1;
    }

    /** Sparse and dense columns together: the width of a weight vector over these rows. */
    public int columnCount() {
        return sparseColumnCount + denseWidth;
    }

    /** The sparse columns, numbered from 0; the dense ones follow them. */
    public int sparseColumnCount() {
        return sparseColumnCount;
    }

    /** How many stored sparse entries (the dense block not counted). */
    public long nonZeroCount() {
        return columns.length;
    }

    /** The first sparse entry of {@code row}. */
    public int rowStart(int row) {
        return rowStart[row];
    }

    public int rowEnd(int row) {
        return rowStart[row + 1];
    }

    /** How many sparse entries {@code row} has. */
    public int rowLength(int row) {
        return rowStart[row + 1] - rowStart[row];
    }

    public int column(int position) {
        return values == null ? PackedEntry.column(columns[position]) : columns[position];
    }

    public float value(int position) {
        return values == null ? PackedEntry.value(columns[position]) : values[position];
    }

    /** How many dense columns follow the sparse ones (0 without a dense block). */
    public int denseWidth() {
        return denseWidth;
    }

    /** Row {@code row}'s value in dense column {@code sparseColumnCount() + j}. */
    public float denseValue(int row, int j) {
        float value = dense[row * denseStride + denseOffset + j];
        return denseScale == null ? value : value * denseScale[j];
    }

    /** Copies the dense values of {@code rows}, one after another, into {@code into} from {@code at}. */
    private void copyDenseRows(int[] rows, float[] into, int at) {
        for (int i = 0; i < rows.length; i++) {
            copyDenseRow(rows[i], into, at + i * denseWidth);
        }
    }

    /** Copies row {@code row}'s dense values into {@code into} from {@code at}. */
    public void copyDenseRow(int row, float[] into, int at) {
        System.arraycopy(dense, row * denseStride + denseOffset, into, at, denseWidth);
        if (denseScale != null) {
            for (int j = 0; j < denseWidth; j++) {
                into[at + j] *= denseScale[j];
            }
        }
    }

    /**
     * A view of these rows with dense columns {@code [sparseColumnCount() + from, sparseColumnCount() + to)}
     * multiplied by {@code factor}; it shares every array with this matrix.
     */
    public FeatureMatrix withDenseColumnsScaled(int from, int to, float factor) {
        checkDenseRange(from, to);
        float[] scale = new float[denseWidth];
        for (int j = 0; j < denseWidth; j++) {
            scale[j] = (denseScale == null ? 1f : denseScale[j]) * (j >= from && j < to ? factor : 1f);
        }
        return new FeatureMatrix(rowStart, columns, values, sparseColumnCount, dense, denseStride, denseOffset,
                denseWidth, scale);
    }

    /**
     * A view of dense columns {@code [sparseColumnCount() + from, sparseColumnCount() + to)} alone, without the
     * sparse ones: the same rows in a space of {@code to - from} columns, sharing the dense values.
     */
    public FeatureMatrix denseColumnsOnly(int from, int to) {
        checkDenseRange(from, to);
        float[] scale = denseScale == null ? null : java.util.Arrays.copyOfRange(denseScale, from, to);
        return new FeatureMatrix(new int[rowCount() + 1], new int[0], new float[0], 0, dense, denseStride,
                denseOffset + from, to - from, scale);
    }

    private void checkDenseRange(int from, int to) {
        if (from < 0 || to > denseWidth || from > to) {
            throw new IllegalArgumentException("Dense columns " + from + ".." + to + " outside the block of "
                    + denseWidth);
        }
    }

    /** A new matrix holding the given rows, in the given order. */
    public FeatureMatrix select(int[] rows) {
        int[] start = new int[rows.length + 1];
        for (int i = 0; i < rows.length; i++) {
            start[i + 1] = start[i] + rowLength(rows[i]);
        }
        int[] cols = new int[start[rows.length]];
        float[] vals = values == null ? null : new float[cols.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(columns, rowStart[rows[i]], cols, start[i], rowLength(rows[i]));
            if (vals != null) {
                System.arraycopy(values, rowStart[rows[i]], vals, start[i], rowLength(rows[i]));
            }
        }
        float[] selectedDense = new float[rows.length * denseWidth];
        copyDenseRows(rows, selectedDense, 0);
        return withOwnDense(start, cols, vals, sparseColumnCount, selectedDense, denseWidth);
    }

    /**
     * A new matrix with {@code width} dense columns appended after the existing ones: row {@code r}
     * gets {@code weight * dense[r * width + j]} in column {@code columnCount() + j}. The sparse entries
     * are shared with this matrix, not copied.
     */
    public FeatureMatrix withDenseBlock(float[] block, int width, float weight) {
        int rows = rowCount();
        if (block.length != (long) rows * width) {
            throw new IllegalArgumentException("Dense block has " + block.length + " values, expected " + rows * width);
        }
        int wider = denseWidth + width;
        float[] joined = new float[rows * wider];
        for (int r = 0; r < rows; r++) {
            copyDenseRow(r, joined, r * wider);
            for (int j = 0; j < width; j++) {
                joined[r * wider + denseWidth + j] = weight * block[r * width + j];
            }
        }
        return withOwnDense(rowStart, columns, values, sparseColumnCount, joined, wider);
    }

    /**
     * {@link #withDenseBlock} for a block that nobody else holds, on a matrix without a dense block yet:
     * the block is scaled in place and kept rather than copied (a million rows of LSA are 0.8 GB).
     */
    public FeatureMatrix withOwnedDenseBlock(float[] block, int width, float weight) {
        if (denseWidth > 0 || block.length != (long) rowCount() * width) {
            return withDenseBlock(block, width, weight);
        }
        if (weight != 1f) {
            for (int i = 0; i < block.length; i++) {
                block[i] *= weight;
            }
        }
        return withOwnDense(rowStart, columns, values, sparseColumnCount, block, width);
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rowCount() + " x " + columnCount() + ", nnz=" + columns.length
                + (values == null ? " packed" : "") + ", dense=" + denseWidth + "]";
    }
}
