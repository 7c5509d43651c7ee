package org.activelabeler.features;

import java.util.Arrays;

/** Counts the token n-grams of each document into a sparse matrix of raw term frequencies. */
public final class NgramCounter {
    private final FeatureSettings settings;

    public NgramCounter(FeatureSettings settings) {
        this.settings = settings;
    }

    /** The width of the rows {@link #count} makes. */
    public int columnCount() {
        return settings.sparseColumnCount();
    }

    public FeatureMatrix count(int[][] documents) {
        int[] rowStart = new int[documents.length + 1];
        int[][] rowColumns = new int[documents.length][];
        float[][] rowCounts = new float[documents.length][];
        for (int d = 0; d < documents.length; d++) {
            long[] packed = countOne(documents[d]);
            rowColumns[d] = new int[packed.length];
            rowCounts[d] = new float[packed.length];
            for (int i = 0; i < packed.length; i++) {
                rowColumns[d][i] = (int) (packed[i] >>> 32);
                rowCounts[d][i] = (int) packed[i];
            }
            rowStart[d + 1] = rowStart[d] + packed.length;
        }
        int[] columns = new int[rowStart[documents.length]];
        float[] values = new float[columns.length];
        for (int d = 0; d < documents.length; d++) {
            System.arraycopy(rowColumns[d], 0, columns, rowStart[d], rowColumns[d].length);
            System.arraycopy(rowCounts[d], 0, values, rowStart[d], rowCounts[d].length);
        }
        return new FeatureMatrix(rowStart, columns, values, settings.sparseColumnCount());
    }

    /** Sorted (column, count) pairs packed as {@code column << 32 | count}. */
    private long[] countOne(int[] tokens) {
        int total = 0;
        for (int n = 1; n <= settings.maxNgram(); n++) {
            total += Math.max(0, tokens.length - n + 1);
        }
        int[] columns = new int[total];
        int[] k = {0};
        forEachNgram(tokens, (start, n, column) -> columns[k[0]++] = column);
        Arrays.sort(columns);
        long[] packed = new long[distinct(columns)];
        int out = -1;
        for (int i = 0; i < columns.length; i++) {
            if (i == 0 || columns[i] != columns[i - 1]) {
                packed[++out] = (long) columns[i] << 32;
            }
            packed[out]++;
        }
        return packed;
    }

    /** Receives each n-gram occurrence of a document: where it starts, how many tokens, its column. */
    @FunctionalInterface
    public interface NgramSink {
        void accept(int start, int length, int column);
    }

    /** Every n-gram occurrence of {@code tokens}, position by position, the unigram first. */
    public void forEachNgram(int[] tokens, NgramSink sink) {
        for (int i = 0; i < tokens.length; i++) {
            sink.accept(i, 1, unigramColumn(tokens[i]));
            long hash = tokens[i];
            for (int n = 2; n <= settings.maxNgram() && i + n <= tokens.length; n++) {
                hash = mix(hash * 0x9E3779B97F4A7C15L + tokens[i + n - 1] + n);
                sink.accept(i, n, FeatureSettings.UNIGRAM_COLUMNS + (int) (hash >>> (64 - settings.hashBits())));
            }
        }
    }

    private static int unigramColumn(int token) {
        if (token >= 0 && token < FeatureSettings.UNIGRAM_COLUMNS) {
            return token;
        }
        return (int) (mix(token) >>> (64 - 17));
    }

    private static int distinct(int[] sorted) {
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                count++;
            }
        }
        return count;
    }

    /** The finaliser of MurmurHash3's 64-bit variant: spreads every input bit over the output. */
    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }
}
