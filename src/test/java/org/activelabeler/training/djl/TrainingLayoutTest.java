package org.activelabeler.training.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.activelabeler.features.FeatureMatrix;
import org.junit.jupiter.api.Test;

/** The layout's logits and gradient against the same sums written out on the heap. */
class TrainingLayoutTest {
    private static final int SPARSE = 4_000;
    private static final int DENSE = 3;

    /** Rows of 0 to 299 sparse entries (lengths vary, so there are several buckets) and a dense block. */
    private static FeatureMatrix rows(int n, Random random) {
        int[] start = new int[n + 1];
        int[] columns = new int[n * 300];
        float[] values = new float[n * 300];
        int k = 0;
        for (int r = 0; r < n; r++) {
            int column = random.nextInt(3);
            for (int e = 0; e < r % 300 && column < SPARSE; e++) {
                columns[k] = column;
                values[k++] = (float) random.nextGaussian();
                column += 1 + random.nextInt(3);
            }
            start[r + 1] = k;
        }
        float[] dense = new float[n * DENSE];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = (float) random.nextGaussian();
        }
        return new FeatureMatrix(start, java.util.Arrays.copyOf(columns, k), java.util.Arrays.copyOf(values, k), SPARSE)
                .withDenseBlock(dense, DENSE, 0.5f);
    }

    @Test
    void logitsAndGradientAreTheSparseAndDenseSums() {
        for (int classes : new int[] {2, 3}) {
            Random random = new Random(classes);
            int n = 1_200;
            FeatureMatrix matrix = rows(n, random);
            int[] all = new int[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
                labels[i] = random.nextInt(classes);
            }
            Outputs outputs = new Outputs(classes);
            CompactColumns compact = CompactColumns.of(matrix, all);
            int outs = outputs.count();
            float[] weights = new float[outs * compact.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) random.nextGaussian();
            }
            float[] bias = new float[outs];
            float[] classWeights = new float[classes];
            java.util.Arrays.fill(classWeights, 1f);
            try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
                TrainingLayout layout = TrainingLayout.of(manager, matrix, all, labels, classWeights, compact, outputs,
                        true);
                NDArray logits = layout.logits(manager.create(weights, outputs.weightShape(compact.size())),
                        manager.create(bias));
                float[] residual = layout.residual(logits).toFloatArray();
                float[] gradient = layout.weightGradient(manager.create(residual,
                        logits.getShape())).toFloatArray();
                float[] z = logits.toFloatArray();

                int[] order = layout.order();
                assertThat(PaddedRows.lengthBuckets(matrix, all, 1 << 22)).as("buckets").hasSizeGreaterThan(2);
                assertThat(compact.denseFrom()).as("frequent columns laid out densely, the rest gathered")
                        .isStrictlyBetween(0, compact.sparseSize());
                float[] expectedGradient = new float[weights.length];
                for (int i = 0; i < n; i++) {
                    int row = order[i];
                    for (int o = 0; o < outs; o++) {
                        double sum = 0;
                        for (int p = matrix.rowStart(row); p < matrix.rowEnd(row); p++) {
                            int c = compact.compact(matrix.column(p));
                            sum += weights[o * compact.size() + c] * matrix.value(p);
                            expectedGradient[o * compact.size() + c] += residual[i * outs + o] * matrix.value(p);
                        }
                        for (int j = 0; j < DENSE; j++) {
                            int c = compact.compact(SPARSE + j);
                            sum += weights[o * compact.size() + c] * matrix.denseValue(row, j);
                            expectedGradient[o * compact.size() + c] += residual[i * outs + o] * matrix.denseValue(row, j);
                        }
                        assertThat((double) z[i * outs + o]).as("logit of row %d", row).isCloseTo(sum, within(1e-4));
                    }
                }
                for (int i = 0; i < gradient.length; i++) {
                    assertThat(gradient[i]).as("%d classes, gradient %d", classes, i)
                            .isCloseTo(expectedGradient[i], within(1e-5f));
                }
            }
        }
    }
}
