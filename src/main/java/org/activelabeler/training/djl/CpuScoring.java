package org.activelabeler.training.djl;

import java.util.stream.IntStream;
import org.activelabeler.features.FeatureMatrix;

/**
 * The trained linear model's probabilities, computed on the JVM's own threads when the model lives on
 * the CPU: one pass over each row's sparse (column, value) entries and its dense values, straight from
 * the feature matrix. On a CPU that is a memory-bound sparse product, which the engine, given the same rows padded and copied into
 * its own arrays, did several times slower; on a GPU the engine scores.
 */
final class CpuScoring {
    private static final int ROWS_PER_TASK = 2048;

    private CpuScoring() {
    }

    /**
     * @param weights output by output over every column of the rows' space ({@code [o * columns + c]})
     * @return row-major {@code [rows, classes]}
     */
    static float[] probabilities(FeatureMatrix rows, float[] weights, float[] bias, Outputs outputs) {
        int n = rows.rowCount();
        int classes = outputs.classes();
        int count = outputs.count();
        int columns = rows.columnCount();
        int denseFrom = rows.sparseColumnCount();
        int denseWidth = rows.denseWidth();
        float[] probabilities = new float[n * classes];
        IntStream.range(0, (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK).parallel().forEach(task -> {
            double[] logits = new double[count];
            int end = Math.min(n, (task + 1) * ROWS_PER_TASK);
            for (int r = task * ROWS_PER_TASK; r < end; r++) {
                for (int o = 0; o < count; o++) {
                    logits[o] = bias[o];
                }
                for (int p = rows.rowStart(r); p < rows.rowEnd(r); p++) {
                    int column = rows.column(p);
                    float value = rows.value(p);
                    for (int o = 0; o < count; o++) {
                        logits[o] += weights[o * columns + column] * value;
                    }
                }
                for (int o = 0; o < count; o++) {
                    int first = o * columns + denseFrom;
                    double sum = 0;
                    for (int j = 0; j < denseWidth; j++) {
                        sum += weights[first + j] * rows.denseValue(r, j);
                    }
                    logits[o] += sum;
                }
                write(logits, probabilities, r * classes, count == 1);
            }
        });
        return probabilities;
    }

    private static void write(double[] logits, float[] into, int at, boolean logistic) {
        if (logistic) {
            double second = 1 / (1 + Math.exp(-logits[0]));
            into[at] = (float) (1 - second);
            into[at + 1] = (float) second;
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            sum += Math.exp(logits[c] - max);
        }
        for (int c = 0; c < logits.length; c++) {
            into[at + c] = (float) (Math.exp(logits[c] - max) / sum);
        }
    }
}
