package org.activelabeler.training.djl;

import java.util.Arrays;
import org.activelabeler.features.FeatureMatrix;

/**
 * The columns that a fit can give a weight: the sparse columns that occur in the training rows, numbered
 * densely from 0 in order of how many training rows have them (fewest first), so that columns of similar
 * frequency sit together; then every dense column, in its order.
 *
 * <p>The most frequent sparse columns (in at least one training row in {@value #DENSE_SHARE}: "the", "and",
 * "of the") are laid out with the dense block: one matrix product over their values costs less than
 * gathering that many entries one by one, and it keeps the widest rows and columns out of the padded layout.
 */
final class CompactColumns {
    static final int DENSE_SHARE = Integer.getInteger("activelabeler.dense.share", 16);
    /** A bound on the values of the frequent columns laid out densely, rows times columns. */
    private static final long MAX_DENSE_VALUES = 1 << 24;
    private final int[] fullToCompact;
    private final int[] compactToFull;
    private final int[] frequency;
    private final int denseFrom;

    private CompactColumns(int[] fullToCompact, int[] compactToFull, int[] frequency, int trainRows) {
        this.fullToCompact = fullToCompact;
        this.compactToFull = compactToFull;
        this.frequency = frequency;
        int from = frequency.length;
        while (from > 0 && (long) frequency[from - 1] * DENSE_SHARE >= trainRows
                && (long) (frequency.length - from + 1) * trainRows <= MAX_DENSE_VALUES) {
            from--;
        }
        this.denseFrom = from;
    }

    static CompactColumns of(FeatureMatrix rows, int[] trainRows) {
        int sparseColumns = rows.sparseColumnCount();
        int[] documentFrequency = new int[sparseColumns];
        int distinct = 0;
        for (int row : trainRows) {
            for (int p = rows.rowStart(row); p < rows.rowEnd(row); p++) {
                if (documentFrequency[rows.column(p)]++ == 0) {
                    distinct++;
                }
            }
        }
        // Frequency in the high half, column in the low: one primitive sort gives both orders.
        long[] byFrequency = new long[distinct];
        int k = 0;
        for (int column = 0; column < sparseColumns; column++) {
            if (documentFrequency[column] > 0) {
                byFrequency[k++] = ((long) documentFrequency[column] << 32) | column;
            }
        }
        Arrays.sort(byFrequency);
        int denseWidth = rows.denseWidth();
        int[] fullToCompact = new int[rows.columnCount()];
        Arrays.fill(fullToCompact, 0, sparseColumns, -1);
        int[] compactToFull = new int[distinct + denseWidth];
        int[] frequency = new int[distinct];
        for (int i = 0; i < distinct; i++) {
            int column = (int) byFrequency[i];
            compactToFull[i] = column;
            frequency[i] = (int) (byFrequency[i] >>> 32);
            fullToCompact[column] = i;
        }
        for (int j = 0; j < denseWidth; j++) {
            compactToFull[distinct + j] = sparseColumns + j;
            fullToCompact[sparseColumns + j] = distinct + j;
        }
        return new CompactColumns(fullToCompact, compactToFull, frequency, trainRows.length);
    }

    /** Sparse and dense columns together. */
    int size() {
        return compactToFull.length;
    }

    /** The sparse ones, compact indices {@code [0, sparseSize())}; the dense ones follow. */
    int sparseSize() {
        return frequency.length;
    }

    /**
     * Where the columns laid out densely start: the frequent sparse columns {@code [denseFrom(), sparseSize())},
     * then the dense ones. The sparse layout holds {@code [0, denseFrom())}.
     */
    int denseFrom() {
        return denseFrom;
    }

    /** The compact index of a full column, or -1 for a sparse column that no training row has. */
    int compact(int fullColumn) {
        return fullToCompact[fullColumn];
    }

    /** How many training rows have sparse compact column {@code index}; never decreasing in the index. */
    int frequency(int index) {
        return frequency[index];
    }

    int[] fullColumns() {
        return compactToFull.clone();
    }
}
