package org.activelabeler.training.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.activelabeler.features.FeatureMatrix;

/**
 * Sparse rows laid out for a gather-and-sum on the device: a {@code [rows, width]} matrix of column
 * ids and one of values, padded with value 0. Rows of similar length should share a batch, so
 * that little of it is padding. Columns that the map sends to a negative number are left out.
 */
record PaddedRows(NDArray columns, NDArray values, int[] rows) implements AutoCloseable {

    static PaddedRows of(NDManager manager, FeatureMatrix matrix, int[] rows, IntUnaryOperator columnMap) {
        int width = 1;
        for (int row : rows) {
            width = Math.max(width, matrix.rowLength(row));
        }
        long[] columns = new long[rows.length * width];
        float[] values = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            int out = i * width;
            for (int p = matrix.rowStart(rows[i]); p < matrix.rowEnd(rows[i]); p++) {
                int column = columnMap.applyAsInt(matrix.column(p));
                if (column >= 0) {
                    columns[out] = column;
                    values[out++] = matrix.value(p);
                }
            }
        }
        Shape shape = new Shape(rows.length, width);
        return new PaddedRows(manager.create(columns, shape), manager.create(values, shape), rows);
    }

    /** {@code sum_j weights[columns[i, j]] * values[i, j] + bias} for every row i. */
    NDArray logits(NDArray weights, NDArray bias) {
        return weights.get(columns).mul(values).sum(new int[] {1}).add(bias);
    }

    /** Row indices sorted by row length, cut into runs of at most {@code maxEntries} padded entries. */
    static List<int[]> lengthBuckets(FeatureMatrix matrix, int[] rows, long maxEntries) {
        int[] sorted = Arrays.stream(rows).boxed()
                .sorted(Comparator.comparingInt(matrix::rowLength))
                .mapToInt(Integer::intValue).toArray();
        List<int[]> buckets = new ArrayList<>();
        int from = 0;
        while (from < sorted.length) {
            int to = from + 1;
            while (to < sorted.length && (long) (to - from + 1) * matrix.rowLength(sorted[to]) <= maxEntries) {
                to++;
            }
            buckets.add(Arrays.copyOfRange(sorted, from, to));
            from = to;
        }
        return buckets;
    }

    @Override
    public void close() {
        columns.close();
        values.close();
    }
}
