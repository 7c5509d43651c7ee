package org.activelabeler.features;

/**
 * Rows of sparse feature vectors in compressed-row form. Row {@code r} has the column indices
 * {@code columns[rowStart[r] .. rowStart[r+1])} in increasing order and the values beside them.
 * Immutable after construction.
 */
public final class FeatureMatrix {
    private final int[] rowStart;
    private final int[] columns;
    private final float[] values;
    private final int columnCount;

    public FeatureMatrix(int[] rowStart, int[] columns, float[] values, int columnCount) {
        if (rowStart.length == 0 || rowStart[rowStart.length - 1] != columns.length || columns.length != values.length) {
            throw new IllegalArgumentException("Inconsistent compressed-row arrays");
        }
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
        this.columnCount = columnCount;
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

    public int columnCount() {
        return columnCount;
    }

    public long nonZeroCount() {
        return columns.length;
    }

    public int rowStart(int row) {
        return rowStart[row];
    }

    public int rowEnd(int row) {
        return rowStart[row + 1];
    }

    public int rowLength(int row) {
        return rowStart[row + 1] - rowStart[row];
    }

    public int column(int position) {
        return columns[position];
    }

    public float value(int position) {
        return values[position];
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
        return new FeatureMatrix(start, cols, vals, columnCount);
    }

    /**
     * A new matrix with {@code width} dense columns appended after the existing ones: row {@code r}
     * gets {@code weight * dense[r * width + j]} in column {@code columnCount() + j}.
     */
    public FeatureMatrix withDenseBlock(float[] dense, int width, float weight) {
        int rows = rowCount();
        if (dense.length != rows * width) {
            throw new IllegalArgumentException("Dense block has " + dense.length + " values, expected " + rows * width);
        }
        int[] start = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            start[r + 1] = start[r] + rowLength(r) + width;
        }
        int[] cols = new int[start[rows]];
        float[] vals = new float[cols.length];
        for (int r = 0; r < rows; r++) {
            int length = rowLength(r);
            System.arraycopy(columns, rowStart[r], cols, start[r], length);
            System.arraycopy(values, rowStart[r], vals, start[r], length);
            for (int j = 0; j < width; j++) {
                cols[start[r] + length + j] = columnCount + j;
                vals[start[r] + length + j] = weight * dense[r * width + j];
            }
        }
        return new FeatureMatrix(start, cols, vals, columnCount + width);
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rowCount() + " x " + columnCount + ", nnz=" + columns.length + "]";
    }
}
