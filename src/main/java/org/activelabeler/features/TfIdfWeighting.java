package org.activelabeler.features;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Inverse document frequencies learned from a corpus without its labels, applied as
 * {@code (1 + ln tf) * idf} with L2-normalised rows. Columns rarer than the minimum document
 * frequency are dropped. The rows are {@linkplain FeatureMatrix#packed() packed} (column and value in one
 * int) when the space allows it, which it does with every hash width up to 20 bits.
 *
 * <p>From documents, it counts their n-grams {@value #CHUNK} documents at a time and never holds the
 * counts of all: learning counts each chunk once, weighting twice (to size the rows, then to fill them),
 * so that what is held is the result and a chunk per thread, a bound that matters at a million texts.
 */
public final class TfIdfWeighting {
    static final int CHUNK = 4096;
    private final float[] idf;

    private TfIdfWeighting(float[] idf) {
        this.idf = idf;
    }

    /** Learns document frequencies from raw counts; {@code idf = ln((1 + N) / (1 + df)) + 1}. */
    public static TfIdfWeighting fit(FeatureMatrix counts, int minDocumentFrequency) {
        int[] df = new int[counts.columnCount()];
        addDocumentFrequencies(counts, df);
        return new TfIdfWeighting(inverse(df, counts.rowCount(), minDocumentFrequency));
    }

    /** Adds 1 to {@code df} for each column of each row of the counts (a column occurs once per row). */
    private static void addDocumentFrequencies(FeatureMatrix counts, int[] df) {
        for (int p = 0; p < counts.nonZeroCount(); p++) {
            df[counts.column(p)]++;
        }
    }

    private static float[] inverse(int[] df, double n, int minDocumentFrequency) {
        float[] idf = new float[df.length];
        for (int c = 0; c < df.length; c++) {
            idf[c] = df[c] < minDocumentFrequency ? 0f : (float) (Math.log((1 + n) / (1 + df[c])) + 1);
        }
        return idf;
    }

    /** {@link #fit(FeatureMatrix, int)} on the counts of {@code documents}, counted a chunk at a time. */
    public static TfIdfWeighting fit(NgramCounter counter, int[][] documents, int minDocumentFrequency) {
        int columns = counter.columnCount();
        int[] df = IntStream.range(0, chunks(documents)).parallel().collect(() -> new int[columns],
                (sum, chunk) -> addDocumentFrequencies(counter.count(chunk(documents, chunk)), sum), (a, b) -> {
            for (int c = 0; c < columns; c++) {
                a[c] += b[c];
            }
        });
        return new TfIdfWeighting(inverse(df, documents.length, minDocumentFrequency));
    }

    /** The weighted rows of {@code documents}, as {@link #transform(FeatureMatrix)} of their counts. */
    public FeatureMatrix transform(NgramCounter counter, int[][] documents) {
        boolean packed = PackedEntry.fits(counter.columnCount());
        int rows = documents.length;
        int[] rowStart = new int[rows + 1];
        IntStream.range(0, chunks(documents)).parallel().forEach(chunk -> {
            FeatureMatrix counts = counter.count(chunk(documents, chunk));
            for (int r = 0; r < counts.rowCount(); r++) {
                rowStart[chunk * CHUNK + r + 1] = keptEntries(counts, r);
            }
        });
        for (int r = 0; r < rows; r++) {
            rowStart[r + 1] += rowStart[r];
        }
        int[] columns = new int[rowStart[rows]];
        float[] values = packed ? null : new float[columns.length];
        IntStream.range(0, chunks(documents)).parallel().forEach(chunk -> {
            FeatureMatrix weighted = weighed(counter.count(chunk(documents, chunk)));
            (packed ? weighted.packed() : weighted).copySparseInto(columns, values, rowStart[chunk * CHUNK]);
        });
        return packed ? FeatureMatrix.ofPacked(rowStart, columns, counter.columnCount())
                : new FeatureMatrix(rowStart, columns, values, counter.columnCount());
    }

    private static int chunks(int[][] documents) {
        return (documents.length + CHUNK - 1) / CHUNK;
    }

    private static int[][] chunk(int[][] documents, int chunk) {
        return Arrays.copyOfRange(documents, chunk * CHUNK, Math.min(documents.length, (chunk + 1) * CHUNK));
    }

    /** A weighting with these inverse document frequencies, one per column (0 drops a column). */
    public static TfIdfWeighting of(float[] idf) {
        return new TfIdfWeighting(idf.clone());
    }

    /** The inverse document frequency of each column; 0 for a dropped one. */
    public float[] idf() {
        return idf.clone();
    }

    /** The weighted rows of these raw counts, packed where the space allows it. */
    public FeatureMatrix transform(FeatureMatrix counts) {
        FeatureMatrix weighted = weighed(counts);
        return PackedEntry.fits(counts.columnCount()) ? weighted.packed() : weighted;
    }

    private FeatureMatrix weighed(FeatureMatrix counts) {
        int rows = counts.rowCount();
        int[] rowStart = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            rowStart[r + 1] = rowStart[r] + keptEntries(counts, r);
        }
        int[] columns = new int[rowStart[rows]];
        float[] values = new float[columns.length];
        for (int r = 0; r < rows; r++) {
            weighRow(counts, r, columns, values, rowStart[r]);
        }
        return new FeatureMatrix(rowStart, columns, values, counts.columnCount());
    }

    private int keptEntries(FeatureMatrix counts, int row) {
        int kept = 0;
        for (int p = counts.rowStart(row); p < counts.rowEnd(row); p++) {
            if (idf[counts.column(p)] > 0) {
                kept++;
            }
        }
        return kept;
    }

    /** Writes the weighted, normalised entries of {@code row} of the counts from {@code out} on. */
    private void weighRow(FeatureMatrix counts, int row, int[] columns, float[] values, int out) {
        int first = out;
        double squares = 0;
        for (int p = counts.rowStart(row); p < counts.rowEnd(row); p++) {
            float weight = idf[counts.column(p)];
            if (weight > 0) {
                float value = (float) (1 + Math.log(counts.value(p))) * weight;
                columns[out] = counts.column(p);
                values[out++] = value;
                squares += value * value;
            }
        }
        float scale = squares > 0 ? (float) (1 / Math.sqrt(squares)) : 0f;
        for (int p = first; p < out; p++) {
            values[p] *= scale;
        }
    }
}
