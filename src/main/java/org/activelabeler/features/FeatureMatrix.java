package org.activelabeler.features;

/**
 * Rows of feature vectors: sparse columns in compressed-row form, then an optional dense block. Row
 * {@code r} has the sparse column indices {@code columns[rowStart[r] .. rowStart[r+1])} in increasing
 * order and the values beside them; after the {@link #sparseColumnCount()} sparse columns come
 * {@link #denseWidth()} dense ones (LSA, sentence vectors), kept as one row-major block of floats: half
 * the memory of the same values as (column, value) entries, and one matrix product to train and score.
 * Immutable after construction; matrices made from one another share their sparse arrays.
 */
public final class FeatureMatrix {
    private final int[] rowStart;
    private final int[] columns;
    private final float[] values;
    private final int sparseColumnCount;
    private final float[] dense;
    private final int denseWidth;

    public FeatureMatrix(int[] rowStart, int[] columns, float[] values, int columnCount) {
        this(rowStart, columns, values, columnCount, new float[0], 0);
    }

    private FeatureMatrix(int[] rowStart, int[] columns, float[] values, int sparseColumnCount, float[] dense,
                          int denseWidth) {
        if (rowStart.length == 0 || rowStart[rowStart.length - 1] != columns.length || columns.length != values.length) {
            throw new IllegalArgumentException("Inconsistent compressed-row arrays");
        }
        if ((long) (rowStart.length - 1) * denseWidth != dense.length) {
            throw new IllegalArgumentException("Dense block has " + dense.length + " values, expected "
                    + (long) (rowStart.length - 1) * denseWidth);
        }
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
        this.sparseColumnCount = sparseColumnCount;
        this.dense = dense;
        this.denseWidth = denseWidth;
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
        return columns[position];
    }

    public float value(int position) {
        return values[position];
    }

    /** How many dense columns follow the sparse ones (0 without a dense block). */
    public int denseWidth() {
        return denseWidth;
    }

    /** Row {@code row}'s value in dense column {@code sparseColumnCount() + j}. */
    public float denseValue(int row, int j) {
        return dense[row * denseWidth + j];
    }

    /** Copies the dense values of {@code rows}, one after another, into {@code into} from {@code at}. */
    public void copyDenseRows(int[] rows, float[] into, int at) {
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(dense, rows[i] * denseWidth, into, at + i * denseWidth, denseWidth);
        }
    }

    /** A new matrix holding the given rows, in the given order. */
    public FeatureMatrix select(int[] rows) {
        int[] start = new int[rows.length + 1];
        for (int i = 0; i < rows.length; i++) {
            start[i + 1] = start[i] + rowLength(rows[i]);
        }
        int[] cols = new int[start[rows.length]];
        float[] vals = new float[cols.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(columns, rowStart[rows[i]], cols, start[i], rowLength(rows[i]));
            System.arraycopy(values, rowStart[rows[i]], vals, start[i], rowLength(rows[i]));
        }
        float[] selectedDense = new float[rows.length * denseWidth];
        copyDenseRows(rows, selectedDense, 0);
        return new FeatureMatrix(start, cols, vals, sparseColumnCount, selectedDense, denseWidth);
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
            System.arraycopy(dense, r * denseWidth, joined, r * wider, denseWidth);
            for (int j = 0; j < width; j++) {
                joined[r * wider + denseWidth + j] = weight * block[r * width + j];
            }
        }
        return new FeatureMatrix(rowStart, columns, values, sparseColumnCount, joined, wider);
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rowCount() + " x " + columnCount() + ", nnz=" + columns.length + ", dense="
                + denseWidth + "]";
    }
}
