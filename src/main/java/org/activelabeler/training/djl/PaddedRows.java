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
    private static final long SMALL_BUCKET = 1 << 16;

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
        return weightedSums(weights).add(bias);
    }

    /**
     * {@code sum_j vector[columns[i, j]] * values[i, j]} for every row i. The lookup is a gather
     * along a broadcast view of the vector: on the CPU that is several times faster than indexing
     * the vector with the index matrix.
     */
    NDArray weightedSums(NDArray vector) {
        Shape rowsByLength = new Shape(columns.getShape().get(0), vector.getShape().get(0));
        return vector.expandDims(0).broadcast(rowsByLength).gather(columns, 1).mul(values).sum(new int[] {1});
    }

    /** Row indices sorted by row length, cut into buckets by {@link #cut}. */
    static List<int[]> lengthBuckets(FeatureMatrix matrix, int[] rows, long maxEntries) {
        int[] sorted = Arrays.stream(rows).boxed()
                .sorted(Comparator.comparingInt(matrix::rowLength))
                .mapToInt(Integer::intValue).toArray();
        int[] lengths = Arrays.stream(sorted).map(matrix::rowLength).toArray();
        List<int[]> buckets = new ArrayList<>();
        int from = 0;
        for (int to : cut(lengths, maxEntries)) {
            buckets.add(Arrays.copyOfRange(sorted, from, to));
            from = to;
        }
        return buckets;
    }

    /**
     * Cuts a run of lengths sorted ascending into buckets, each padded to its longest member. A
     * bucket grows while its padding stays under a third of its entries (or it is small), and never
     * past {@code maxEntries} padded entries. Few buckets matter: each costs a handful of engine
     * calls per step. Returns the exclusive end index of every bucket.
     */
    static int[] cut(int[] sortedLengths, long maxEntries) {
        List<Integer> ends = new ArrayList<>();
        int from = 0;
        while (from < sortedLengths.length) {
            long real = Math.max(1, sortedLengths[from]);
            int to = from + 1;
            while (to < sortedLengths.length) {
                long width = Math.max(1, sortedLengths[to]);
                long padded = (to - from + 1) * width;
                long realIfAdded = real + width;
                if (padded > maxEntries || (padded > SMALL_BUCKET && padded * 3 > realIfAdded * 4)) {
                    break;
                }
                real = realIfAdded;
                to++;
            }
            ends.add(to);
            from = to;
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void close() {
        columns.close();
        values.close();
    }
}
