package org.activelabeler.features;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Latent semantic analysis learned from unlabeled TF-IDF rows: a truncated SVD {@code A ~ U S V^T}
 * found by randomized range finding with power iterations (Halko, Martinsson and Tropp, 2011).
 * A document's projection is {@code x V}, L2-normalised. It lets the model link words that the
 * labeled reviews never used to words they did, which matters most when labels are few.
 *
 * <p>The basis is learned from at most {@code maxDocuments} rows drawn at random (every row is
 * projected afterwards), and only the {@code maxColumns} most frequent columns take part; the rest
 * project to nothing. Both bounds keep the fit to seconds on a laptop.
 */
public final class LatentSemanticProjection {
    private static final int OVERSAMPLING = 20;

    private final int[] localColumn;
    private final float[] basis;
    private final int dimensions;

    private LatentSemanticProjection(int[] localColumn, float[] basis, int dimensions) {
        this.localColumn = localColumn;
        this.basis = basis;
        this.dimensions = dimensions;
    }

    public static LatentSemanticProjection fit(FeatureMatrix allRows, int dimensions, int maxDocuments,
                                               int maxColumns, int powerIterations, long seed) {
        FeatureMatrix rows = sample(allRows, maxDocuments, seed);
        int[] localColumn = frequentColumns(rows, maxColumns);
        int kept = (int) Arrays.stream(localColumn).filter(c -> c >= 0).count();
        int sketch = Math.min(dimensions + OVERSAMPLING, Math.min(kept, rows.rowCount()));
        if (sketch < dimensions) {
            throw new IllegalArgumentException("Too little text for " + dimensions + " latent dimensions: "
                    + rows.rowCount() + " documents, " + kept + " columns; use at most " + sketch);
        }
        RestrictedRows a = new RestrictedRows(rows, localColumn, kept);
        float[] y = a.times(gaussian(kept, sketch, seed), sketch);
        for (int i = 0; i < powerIterations; i++) {
            float[] z = orthonormalize(a.transposeTimes(orthonormalize(y, rows.rowCount(), sketch), sketch), kept, sketch);
            y = a.times(z, sketch);
        }
        float[] q = orthonormalize(y, rows.rowCount(), sketch);
        float[] bt = a.transposeTimes(q, sketch);
        return new LatentSemanticProjection(localColumn, rightSingularVectors(bt, kept, sketch, dimensions), dimensions);
    }

    /**
     * How many latent dimensions a corpus can support: the requested number, but at most half of
     * its documents and of its distinct columns (0 when that leaves fewer than 2).
     */
    public static int supportedDimensions(FeatureMatrix rows, int requested, int maxDocuments) {
        long distinctColumns = 0;
        boolean[] seen = new boolean[rows.columnCount()];
        for (long p = 0; p < rows.nonZeroCount(); p++) {
            if (!seen[rows.column((int) p)]) {
                seen[rows.column((int) p)] = true;
                distinctColumns++;
            }
        }
        long supported = Math.min(requested, Math.min(Math.min(rows.rowCount(), maxDocuments), distinctColumns) / 2);
        return supported < 2 ? 0 : (int) supported;
    }

    /**
     * A projection saved before: {@code keptColumns[i]} is the column of basis row {@code i}.
     *
     * @param basis row-major {@code [keptColumns.length x dimensions]}
     */
    public static LatentSemanticProjection of(int columnCount, int[] keptColumns, float[] basis, int dimensions) {
        if (dimensions < 1 || basis.length != keptColumns.length * dimensions) {
            throw new IllegalArgumentException("A latent basis of " + basis.length + " values does not hold "
                    + keptColumns.length + " columns of " + dimensions + " dimensions");
        }
        int[] localColumn = new int[columnCount];
        Arrays.fill(localColumn, -1);
        for (int i = 0; i < keptColumns.length; i++) {
            if (keptColumns[i] < 0 || keptColumns[i] >= columnCount) {
                throw new IllegalArgumentException("Latent column " + keptColumns[i] + " is outside 0.." + (columnCount - 1));
            }
            localColumn[keptColumns[i]] = i;
        }
        return new LatentSemanticProjection(localColumn, basis.clone(), dimensions);
    }

    /** The columns that take part, in the order of the basis rows. */
    public int[] keptColumns() {
        int kept = basis.length / dimensions;
        int[] columns = new int[kept];
        for (int c = 0; c < localColumn.length; c++) {
            if (localColumn[c] >= 0) {
                columns[localColumn[c]] = c;
            }
        }
        return columns;
    }

    /** Row-major {@code [keptColumns().length x dimensions()]}. */
    public float[] basis() {
        return basis.clone();
    }

    public int dimensions() {
        return dimensions;
    }

    /** The projection of every row, row-major {@code [rows x dimensions]}, each row of unit length. */
    public float[] transform(FeatureMatrix rows) {
        float[] out = new RestrictedRows(rows, localColumn, basis.length / dimensions).times(basis, dimensions);
        IntStream.range(0, rows.rowCount()).parallel().forEach(r -> {
            int base = r * dimensions;
            double squares = 0;
            for (int j = 0; j < dimensions; j++) {
                squares += out[base + j] * out[base + j];
            }
            float scale = squares > 0 ? (float) (1 / Math.sqrt(squares)) : 0f;
            for (int j = 0; j < dimensions; j++) {
                out[base + j] *= scale;
            }
        });
        return out;
    }

    private static FeatureMatrix sample(FeatureMatrix rows, int max, long seed) {
        if (rows.rowCount() <= max) {
            return rows;
        }
        int[] all = IntStream.range(0, rows.rowCount()).toArray();
        Random random = new Random(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(all.length - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] chosen = Arrays.copyOf(all, max);
        Arrays.sort(chosen);
        return rows.select(chosen);
    }

    /** Maps each column to its rank among the {@code max} most frequent ones, or -1. */
    private static int[] frequentColumns(FeatureMatrix rows, int max) {
        int[] df = new int[rows.columnCount()];
        for (long p = 0; p < rows.nonZeroCount(); p++) {
            df[rows.column((int) p)]++;
        }
        int[] order = IntStream.range(0, df.length).filter(c -> df[c] > 0).boxed()
                .sorted((a, b) -> df[b] != df[a] ? Integer.compare(df[b], df[a]) : Integer.compare(a, b))
                .limit(max).mapToInt(Integer::intValue).sorted().toArray();
        int[] local = new int[df.length];
        Arrays.fill(local, -1);
        for (int i = 0; i < order.length; i++) {
            local[order[i]] = i;
        }
        return local;
    }

    private static float[] gaussian(int rows, int columns, long seed) {
        Random random = new Random(seed);
        float[] m = new float[rows * columns];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) random.nextGaussian();
        }
        return m;
    }

    /**
     * An orthonormal basis of the column space of {@code y} ({@code [n x k]}, row-major), through the
     * eigen-decomposition of its Gram matrix; directions with negligible energy become zero columns.
     */
    static float[] orthonormalize(float[] y, int n, int k) {
        double[] gram = gram(y, n, k);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(new DMatrixRMaj(k, k, true, gram))) {
            throw new IllegalStateException("Eigen-decomposition failed while orthonormalizing");
        }
        double largest = 0;
        for (int j = 0; j < k; j++) {
            largest = Math.max(largest, eig.getEigenvalue(j).getReal());
        }
        float[] transform = new float[k * k];
        for (int j = 0; j < k; j++) {
            double lambda = eig.getEigenvalue(j).getReal();
            if (lambda <= largest * 1e-10) {
                continue;
            }
            DMatrixRMaj vector = eig.getEigenVector(j);
            for (int i = 0; i < k; i++) {
                transform[i * k + j] = (float) (vector.get(i) / Math.sqrt(lambda));
            }
        }
        return multiply(y, n, k, transform, k);
    }

    private static double[] gram(float[] y, int n, int k) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        double[][] partial = new double[threads][k * k];
        IntStream.range(0, threads).parallel().forEach(t -> {
            double[] g = partial[t];
            for (int r = t; r < n; r += threads) {
                int base = r * k;
                for (int i = 0; i < k; i++) {
                    double yi = y[base + i];
                    if (yi == 0) {
                        continue;
                    }
                    int row = i * k;
                    for (int j = i; j < k; j++) {
                        g[row + j] += yi * y[base + j];
                    }
                }
            }
        });
        double[] gram = new double[k * k];
        for (double[] g : partial) {
            for (int i = 0; i < gram.length; i++) {
                gram[i] += g[i];
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                gram[i * k + j] = gram[j * k + i];
            }
        }
        return gram;
    }

    /** {@code [n x k] * [k x m]}, row-major. */
    private static float[] multiply(float[] left, int n, int k, float[] right, int m) {
        float[] out = new float[n * m];
        IntStream.range(0, n).parallel().forEach(r -> {
            for (int i = 0; i < k; i++) {
                float a = left[r * k + i];
                if (a != 0) {
                    for (int j = 0; j < m; j++) {
                        out[r * m + j] += a * right[i * m + j];
                    }
                }
            }
        });
        return out;
    }

    /** From {@code B^T = A^T Q} ({@code [m x l]}): the top right singular vectors of A, {@code [m x k]}. */
    private static float[] rightSingularVectors(float[] bt, int m, int l, int k) {
        double[] small = gram(bt, m, l);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(l, true, true);
        if (!eig.decompose(new DMatrixRMaj(l, l, true, small))) {
            throw new IllegalStateException("Eigen-decomposition failed for the latent basis");
        }
        Integer[] order = new Integer[l];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).getReal(), eig.getEigenvalue(a).getReal()));
        float[] transform = new float[l * k];
        for (int j = 0; j < k; j++) {
            double lambda = eig.getEigenvalue(order[j]).getReal();
            if (lambda <= 0) {
                continue;
            }
            DMatrixRMaj vector = eig.getEigenVector(order[j]);
            for (int i = 0; i < l; i++) {
                transform[i * k + j] = (float) (vector.get(i) / Math.sqrt(lambda));
            }
        }
        return multiply(bt, m, l, transform, k);
    }

    /** The rows with only the kept columns, renumbered, for the products of the range finder. */
    private static final class RestrictedRows {
        private final FeatureMatrix rows;
        private final int[] localColumn;
        private final int columns;

        RestrictedRows(FeatureMatrix rows, int[] localColumn, int columns) {
            this.rows = rows;
            this.localColumn = localColumn;
            this.columns = columns;
        }

        /** {@code A M} for {@code M} of shape {@code [columns x k]}. */
        float[] times(float[] m, int k) {
            float[] out = new float[rows.rowCount() * k];
            IntStream.range(0, rows.rowCount()).parallel().forEach(r -> {
                int base = r * k;
                for (int p = rows.rowStart(r); p < rows.rowEnd(r); p++) {
                    int local = localColumn[rows.column(p)];
                    if (local >= 0) {
                        float v = rows.value(p);
                        int from = local * k;
                        for (int j = 0; j < k; j++) {
                            out[base + j] += v * m[from + j];
                        }
                    }
                }
            });
            return out;
        }

        /** {@code A^T Q} for {@code Q} of shape {@code [rows x k]}. */
        float[] transposeTimes(float[] q, int k) {
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            float[][] partial = new float[threads][];
            IntStream.range(0, threads).parallel().forEach(t -> {
                float[] out = new float[columns * k];
                for (int r = t; r < rows.rowCount(); r += threads) {
                    int base = r * k;
                    for (int p = rows.rowStart(r); p < rows.rowEnd(r); p++) {
                        int local = localColumn[rows.column(p)];
                        if (local >= 0) {
                            float v = rows.value(p);
                            int to = local * k;
                            for (int j = 0; j < k; j++) {
                                out[to + j] += v * q[base + j];
                            }
                        }
                    }
                }
                partial[t] = out;
            });
            float[] sum = partial[0];
            for (int t = 1; t < threads; t++) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += partial[t][i];
                }
            }
            return sum;
        }
    }
}
