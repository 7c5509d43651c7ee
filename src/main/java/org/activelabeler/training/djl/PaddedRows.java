package org.activelabeler.training.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.activelabeler.features.FeatureMatrix;

/**
 * Rows laid out for the device: their sparse entries for a gather-and-sum, as a {@code [rows, width]}
 * matrix of column ids and one of values, padded with value 0, and their dense block (or null without
 * one) as a {@code [rows, denseWidth]} matrix whose weights start at {@code denseFrom} in the weight
 * vector. Rows of similar length should share a batch, so that little of it is padding. Sparse columns
 * that the map sends to a negative number are left out; those it sends to {@code denseFrom} or beyond
 * join the dense block, ahead of the matrix's own dense columns.
 */
record PaddedRows(NDArray columns, NDArray values, NDArray dense, long denseFrom, int[] rows) implements AutoCloseable {
    private static final long SMALL_BUCKET = 1 << 16;

    /**
     * @param columnMap where each sparse column's weight is in the weight vectors these rows meet
     * @param denseFrom where the dense block's weights start: sparse columns mapped to {@code [denseFrom,
     *        sparseEnd)} are laid out densely, the matrix's dense columns after them
     * @param sparseEnd one past the last weight of a sparse column
     */
    static PaddedRows of(NDManager manager, FeatureMatrix matrix, int[] rows, IntUnaryOperator columnMap,
                         int denseFrom, int sparseEnd) {
        int width = 1;
        for (int row : rows) {
            width = Math.max(width, gatheredLength(matrix, row, columnMap, denseFrom));
        }
        int promoted = sparseEnd - denseFrom;
        int denseWidth = promoted + matrix.denseWidth();
        long[] columns = new long[rows.length * width];
        float[] values = new float[rows.length * width];
        float[] block = new float[rows.length * denseWidth];
        for (int i = 0; i < rows.length; i++) {
            int out = i * width;
            for (int p = matrix.rowStart(rows[i]); p < matrix.rowEnd(rows[i]); p++) {
                int column = columnMap.applyAsInt(matrix.column(p));
                if (column >= denseFrom) {
                    block[i * denseWidth + column - denseFrom] = matrix.value(p);
                } else if (column >= 0) {
                    columns[out] = column;
                    values[out++] = matrix.value(p);
                }
            }
        }
        if (matrix.denseWidth() > 0) {
            for (int i = 0; i < rows.length; i++) {
                matrix.copyDenseRow(rows[i], block, i * denseWidth + promoted);
            }
        }
        Shape shape = new Shape(rows.length, width);
        NDArray dense = denseWidth == 0 ? null : manager.create(block, new Shape(rows.length, denseWidth));
        return new PaddedRows(manager.create(columns, shape), manager.create(values, shape), dense, denseFrom, rows);
    }

    /** How many of the row's sparse entries are gathered: those mapped below {@code denseFrom}. */
    static int gatheredLength(FeatureMatrix matrix, int row, IntUnaryOperator columnMap, int denseFrom) {
        int length = 0;
        for (int p = matrix.rowStart(row); p < matrix.rowEnd(row); p++) {
            int column = columnMap.applyAsInt(matrix.column(p));
            if (column >= 0 && column < denseFrom) {
                length++;
            }
        }
        return length;
    }

    /** The rows' logits: {@link #weightedSums} of the sparse entries, the dense block times its weights, the bias. */
    NDArray logits(NDArray weights, NDArray bias) {
        NDArray sums = weightedSums(weights);
        if (dense != null) {
            sums = sums.add(dense.matMul(weights.get(denseFrom + ":")));
        }
        return sums.add(bias);
    }

    /**
     * The rows' logits for {@code [k, columns]} weights and {@code [k]} biases, as {@code [rows, k]}: the
     * sparse sums class by class, the dense block in one matrix product for all classes.
     */
    NDArray logitsPerClass(NDArray weights, NDArray bias) {
        NDList perClass = new NDList();
        for (int c = 0; c < weights.getShape().get(0); c++) {
            perClass.add(weightedSums(weights.get(c)));
        }
        NDArray sums = NDArrays.stack(perClass, 1);
        if (dense != null) {
            sums = sums.add(dense.matMul(weights.get(":, " + denseFrom + ":").transpose()));
        }
        return sums.add(bias);
    }

    /** {@code dense^T r}: the gradient of the dense columns' weights, from the residual of these rows. */
    NDArray denseGradient(NDArray residual) {
        return dense.transpose().matMul(residual);
    }

    /**
     * {@code sum_j vector[columns[i, j]] * values[i, j]} over the sparse entries of every row i. The
     * lookup is a gather along a broadcast view of the vector: on the CPU that is several times faster
     * than indexing the vector with the index matrix.
     */
    NDArray weightedSums(NDArray vector) {
        Shape rowsByLength = new Shape(columns.getShape().get(0), vector.getShape().get(0));
        return vector.expandDims(0).broadcast(rowsByLength).gather(columns, 1).mul(values).sum(new int[] {1});
    }

    /** Row indices sorted by row length, cut into buckets by {@link #cut}. */
    static List<int[]> lengthBuckets(FeatureMatrix matrix, int[] rows, long maxEntries) {
        return lengthBuckets(rows, Arrays.stream(rows).map(matrix::rowLength).toArray(), maxEntries);
    }

    /** Row indices sorted by length ({@code lengths[i]} that of {@code rows[i]}; ties in their order), cut by {@link #cut}. */
    static List<int[]> lengthBuckets(int[] rows, int[] lengths, long maxEntries) {
        long[] byLength = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            byLength[i] = ((long) lengths[i] << 32) | i;
        }
        Arrays.sort(byLength);
        int[] sorted = new int[rows.length];
        int[] sortedLengths = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int at = (int) byLength[i];
            sorted[i] = rows[at];
            sortedLengths[i] = lengths[at];
        }
        List<int[]> buckets = new ArrayList<>();
        int from = 0;
        for (int to : cut(sortedLengths, maxEntries)) {
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
        if (dense != null) {
            dense.close();
        }
    }
}
