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

    /** The dot product of row {@code row} with a dense vector. */
    public double dot(int row, float[] dense) {
        double sum = 0;
        for (int p = rowStart[row]; p < rowStart[row + 1]; p++) {
            sum += values[p] * dense[columns[p]];
        }
        return sum;
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rowCount() + " x " + columnCount + ", nnz=" + columns.length + "]";
    }
}
