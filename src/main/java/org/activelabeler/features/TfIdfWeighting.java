package org.activelabeler.features;

/**
 * Inverse document frequencies learned from a corpus without its labels, applied as
 * {@code (1 + ln tf) * idf} with L2-normalised rows. Columns rarer than the minimum document
 * frequency are dropped.
 */
public final class TfIdfWeighting {
    private final float[] idf;

    private TfIdfWeighting(float[] idf) {
        this.idf = idf;
    }

    /** Learns document frequencies from raw counts; {@code idf = ln((1 + N) / (1 + df)) + 1}. */
    public static TfIdfWeighting fit(FeatureMatrix counts, int minDocumentFrequency) {
        int[] df = new int[counts.columnCount()];
        for (long p = 0; p < counts.nonZeroCount(); p++) {
            df[counts.column((int) p)]++;
        }
        float[] idf = new float[df.length];
        double n = counts.rowCount();
        for (int c = 0; c < df.length; c++) {
            idf[c] = df[c] < minDocumentFrequency ? 0f : (float) (Math.log((1 + n) / (1 + df[c])) + 1);
        }
        return new TfIdfWeighting(idf);
    }

    /** A weighting with these inverse document frequencies, one per column (0 drops a column). */
    public static TfIdfWeighting of(float[] idf) {
        return new TfIdfWeighting(idf.clone());
    }

    /** The inverse document frequency of each column; 0 for a dropped one. */
    public float[] idf() {
        return idf.clone();
    }

    public FeatureMatrix transform(FeatureMatrix counts) {
        int rows = counts.rowCount();
        int[] rowStart = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
            int kept = 0;
            for (int p = counts.rowStart(r); p < counts.rowEnd(r); p++) {
                if (idf[counts.column(p)] > 0) {
                    kept++;
                }
            }
            rowStart[r + 1] = rowStart[r] + kept;
        }
        int[] columns = new int[rowStart[rows]];
        float[] values = new float[columns.length];
        for (int r = 0; r < rows; r++) {
            int out = rowStart[r];
            double squares = 0;
            for (int p = counts.rowStart(r); p < counts.rowEnd(r); p++) {
                float weight = idf[counts.column(p)];
                if (weight > 0) {
                    float value = (float) (1 + Math.log(counts.value(p))) * weight;
                    columns[out] = counts.column(p);
                    values[out++] = value;
                    squares += value * value;
                }
            }
            float scale = squares > 0 ? (float) (1 / Math.sqrt(squares)) : 0f;
            for (int p = rowStart[r]; p < out; p++) {
                values[p] *= scale;
            }
        }
        return new FeatureMatrix(rowStart, columns, values, counts.columnCount());
    }
}
