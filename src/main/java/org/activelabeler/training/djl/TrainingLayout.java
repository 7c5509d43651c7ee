package org.activelabeler.training.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.activelabeler.features.FeatureMatrix;

/**
 * Labeled rows on the device, their sparse part laid out twice: by row, to compute the logits, and by
 * column, to compute the gradient of the logistic loss {@code X^T r} as gathers and sums. Both avoid the
 * slow scatter-add that automatic differentiation of a gather would need on the CPU. The dense block
 * (LSA, sentence vectors, and the most frequent sparse columns: {@link CompactColumns#denseFrom()}) rides
 * with the row layout: one matrix product each way.
 *
 * <p>Row order: rows sorted by how many entries they gather (fewest first). All vectors over rows use that
 * order.
 */
final class TrainingLayout implements AutoCloseable {
    private static final long MAX_BUCKET_ENTRIES = 1 << 22;

    private final List<PaddedRows> rowParts;
    private final List<PaddedRows> columnParts;
    private final Outputs outputs;
    private final NDArray targets;
    private final NDArray sampleWeights;
    private final double weightTotal;
    private final int[] order;

    private TrainingLayout(List<PaddedRows> rowParts, List<PaddedRows> columnParts, Outputs outputs, NDArray targets,
                           NDArray sampleWeights, double weightTotal, int[] order) {
        this.rowParts = rowParts;
        this.columnParts = columnParts;
        this.outputs = outputs;
        this.targets = targets;
        this.sampleWeights = sampleWeights;
        this.weightTotal = weightTotal;
        this.order = order;
    }

    /**
     * @param withColumns whether to build the column layout (only needed for rows that train)
     */
    static TrainingLayout of(NDManager manager, FeatureMatrix matrix, int[] rows, int[] labels, float[] classWeights,
                             CompactColumns compact, Outputs outputs, boolean withColumns) {
        int denseFrom = compact.denseFrom();
        int[] gathered = Arrays.stream(rows)
                .map(row -> PaddedRows.gatheredLength(matrix, row, compact::compact, denseFrom)).toArray();
        List<int[]> buckets = PaddedRows.lengthBuckets(rows, gathered, MAX_BUCKET_ENTRIES);
        List<PaddedRows> rowParts = new ArrayList<>();
        int n = rows.length;
        int[] y = new int[n];
        float[] w = new float[n];
        int[] order = new int[n];
        int k = 0;
        double total = 0;
        for (int[] bucket : buckets) {
            rowParts.add(PaddedRows.of(manager, matrix, bucket, compact::compact, denseFrom, compact.sparseSize()));
            for (int row : bucket) {
                order[k] = row;
                y[k] = labels[row];
                w[k] = classWeights[labels[row]];
                total += w[k++];
            }
        }
        List<PaddedRows> columnParts = withColumns ? columnParts(manager, matrix, order, compact) : List.of();
        return new TrainingLayout(rowParts, columnParts, outputs, outputs.targets(manager, y), manager.create(w), total,
                order);
    }

    /**
     * The transpose of the rows' gathered part (compact columns below {@link CompactColumns#denseFrom()}) in
     * compact-column order, cut into buckets of similar frequency.
     */
    private static List<PaddedRows> columnParts(NDManager manager, FeatureMatrix matrix, int[] order,
                                                CompactColumns compact) {
        int columns = compact.denseFrom();
        int[] start = new int[columns + 1];
        for (int c = 0; c < columns; c++) {
            start[c + 1] = start[c] + compact.frequency(c);
        }
        int[] fill = start.clone();
        long[] positions = new long[start[columns]];
        float[] values = new float[start[columns]];
        for (int position = 0; position < order.length; position++) {
            int row = order[position];
            for (int p = matrix.rowStart(row); p < matrix.rowEnd(row); p++) {
                int c = compact.compact(matrix.column(p));
                if (c < columns) {
                    positions[fill[c]] = position;
                    values[fill[c]++] = matrix.value(p);
                }
            }
        }
        int[] frequencies = new int[columns];
        for (int c = 0; c < columns; c++) {
            frequencies[c] = compact.frequency(c);
        }
        List<PaddedRows> parts = new ArrayList<>();
        int from = 0;
        for (int to : PaddedRows.cut(frequencies, MAX_BUCKET_ENTRIES)) {
            int width = compact.frequency(to - 1);
            long[] padPositions = new long[(to - from) * width];
            float[] padValues = new float[padPositions.length];
            for (int c = from; c < to; c++) {
                int length = start[c + 1] - start[c];
                System.arraycopy(positions, start[c], padPositions, (c - from) * width, length);
                System.arraycopy(values, start[c], padValues, (c - from) * width, length);
            }
            Shape shape = new Shape(to - from, width);
            parts.add(new PaddedRows(manager.create(padPositions, shape), manager.create(padValues, shape), null, 0,
                    null));
            from = to;
        }
        return parts;
    }

    /** The rows in the layout's order: {@code order()[i]} is the matrix row of position i. */
    int[] order() {
        return order.clone();
    }

    /** Logits of every row, in row order. */
    NDArray logits(NDArray weights, NDArray bias) {
        return outputs.logits(rowParts, weights, bias);
    }

    /** The class-weighted mean loss (see {@link Outputs#weightedLoss}). */
    double loss(NDArray logits) {
        return outputs.weightedLoss(logits, targets, sampleWeights).getFloat() / weightTotal;
    }

    double accuracy(NDArray logits) {
        return outputs.correct(logits, targets) / (double) sampleWeights.size();
    }

    /** d loss / d logits. */
    NDArray residual(NDArray logits) {
        return outputs.residual(logits, targets, sampleWeights, weightTotal);
    }

    /** {@code X^T r} in compact-column order, per output. */
    NDArray weightGradient(NDArray residual) {
        return outputs.weightGradient(columnParts, rowParts, residual);
    }

    @Override
    public void close() {
        rowParts.forEach(PaddedRows::close);
        columnParts.forEach(PaddedRows::close);
        targets.close();
        sampleWeights.close();
    }
}
