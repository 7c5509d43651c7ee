package org.activelabeler.training.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.List;

/**
 * What the linear model puts out: for two classes one logistic output (a weight vector, the
 * probability of class 1 by the sigmoid), for k > 2 classes one output per class under a softmax
 * (a {@code [k, columns]} weight matrix). The arrays over rows are {@code [n]} for the first and
 * {@code [n, k]} for the second.
 */
final class Outputs {
    private final int classes;

    Outputs(int classes) {
        this.classes = classes;
    }

    int classes() {
        return classes;
    }

    /** How many weight vectors: 1 for two classes, else one per class. */
    int count() {
        return logistic() ? 1 : classes;
    }

    private boolean logistic() {
        return classes == 2;
    }

    Shape weightShape(long columns) {
        return logistic() ? new Shape(columns) : new Shape(classes, columns);
    }

    /** The logits of the rows of {@code parts}, in their order. */
    NDArray logits(List<PaddedRows> parts, NDArray weights, NDArray bias) {
        NDList rows = new NDList();
        for (PaddedRows part : parts) {
            rows.add(logistic() ? part.logits(weights, bias) : part.logitsPerClass(weights, bias));
        }
        return rows.size() == 1 ? rows.get(0) : NDArrays.concat(rows);
    }

    NDArray probabilities(NDArray logits) {
        return logistic() ? Activation.sigmoid(logits) : logits.softmax(1);
    }

    /** Writes the probabilities of the rows given (from {@link #probabilities}) into a row-major {@code [n, k]} array. */
    void scatter(float[] probabilities, int[] rows, float[] into) {
        for (int i = 0; i < rows.length; i++) {
            if (logistic()) {
                into[2 * rows[i]] = 1 - probabilities[i];
                into[2 * rows[i] + 1] = probabilities[i];
            } else {
                System.arraycopy(probabilities, i * classes, into, rows[i] * classes, classes);
            }
        }
    }

    /** The targets of labels in row order: 0/1 for two classes, one-hot rows for more. */
    NDArray targets(NDManager manager, int[] labels) {
        if (logistic()) {
            float[] y = new float[labels.length];
            for (int i = 0; i < labels.length; i++) {
                y[i] = labels[i];
            }
            return manager.create(y);
        }
        return manager.create(labels).oneHot(classes);
    }

    /** The sum of the weighted losses: {@code softplus(z) - y z}, or the softmax cross-entropy. */
    NDArray weightedLoss(NDArray logits, NDArray targets, NDArray sampleWeights) {
        if (logistic()) {
            return Activation.softPlus(logits).sub(logits.mul(targets)).mul(sampleWeights).sum();
        }
        return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).neg().mul(sampleWeights).sum();
    }

    /** d loss / d logits: {@code weight * (p - y) / total weight}. */
    NDArray residual(NDArray logits, NDArray targets, NDArray sampleWeights, double weightTotal) {
        if (logistic()) {
            return Activation.sigmoid(logits).sub(targets).mul(sampleWeights).div((float) weightTotal);
        }
        return logits.softmax(1).sub(targets).mul(sampleWeights.expandDims(1)).div((float) weightTotal);
    }

    /** How many rows the logits put in their target class. */
    long correct(NDArray logits, NDArray targets) {
        if (logistic()) {
            return logits.gt(0).eq(targets.gt(0.5f)).sum().getLong();
        }
        return logits.argMax(1).eq(targets.argMax(1)).sum().getLong();
    }

    /**
     * {@code X^T r} for each output: the sparse columns' part from the column layout of the rows, the dense
     * columns' part (after it) from the row layout's dense blocks, whose rows are in the residual's order.
     */
    NDArray weightGradient(List<PaddedRows> columnParts, List<PaddedRows> rowParts, NDArray residual) {
        NDArray dense = denseGradient(rowParts, residual);
        if (logistic()) {
            return joined(columnGradient(columnParts, residual), dense, 0);
        }
        NDArray sparse = null;
        if (!columnParts.isEmpty()) {
            NDList perClass = new NDList();
            for (int c = 0; c < classes; c++) {
                perClass.add(columnGradient(columnParts, residual.get(":, " + c)));
            }
            sparse = NDArrays.stack(perClass, 0);
        }
        return joined(sparse, dense == null ? null : dense.transpose(), 1);
    }

    private static NDArray joined(NDArray sparse, NDArray dense, int axis) {
        if (sparse == null || dense == null) {
            return sparse == null ? dense : sparse;
        }
        return sparse.concat(dense, axis);
    }

    private static NDArray columnGradient(List<PaddedRows> columnParts, NDArray residual) {
        if (columnParts.isEmpty()) {
            return null;
        }
        NDList parts = new NDList();
        for (PaddedRows part : columnParts) {
            parts.add(part.weightedSums(residual));
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts);
    }

    /** {@code D^T r} summed over the parts' dense blocks ({@code [denseWidth]} or {@code [denseWidth, k]}), or null. */
    private static NDArray denseGradient(List<PaddedRows> rowParts, NDArray residual) {
        NDArray sum = null;
        long from = 0;
        for (PaddedRows part : rowParts) {
            long to = from + part.rows().length;
            if (part.dense() != null) {
                NDArray gradient = part.denseGradient(residual.get(from + ":" + to));
                sum = sum == null ? gradient : sum.add(gradient);
            }
            from = to;
        }
        return sum;
    }

    NDArray biasGradient(NDArray residual) {
        return logistic() ? residual.sum().reshape(1) : residual.sum(new int[] {0});
    }
}
