package org.activelabeler.training.djl;

import java.util.Arrays;
import java.util.Comparator;
import org.activelabeler.features.FeatureMatrix;

/**
 * The columns that occur in the training rows, numbered densely from 0 in order of how many
 * training rows have them (fewest first), so that columns of similar frequency sit together.
 */
final class CompactColumns {
    private final int[] fullToCompact;
    private final int[] compactToFull;
    private final int[] frequency;

    private CompactColumns(int[] fullToCompact, int[] compactToFull, int[] frequency) {
        this.fullToCompact = fullToCompact;
        this.compactToFull = compactToFull;
        this.frequency = frequency;
    }

    static CompactColumns of(FeatureMatrix rows, int[] trainRows) {
        int[] documentFrequency = new int[rows.columnCount()];
        int distinct = 0;
        for (int row : trainRows) {
            for (int p = rows.rowStart(row); p < rows.rowEnd(row); p++) {
                if (documentFrequency[rows.column(p)]++ == 0) {
                    distinct++;
                }
            }
        }
        Integer[] present = new Integer[distinct];
        int k = 0;
        for (int column = 0; column < documentFrequency.length; column++) {
            if (documentFrequency[column] > 0) {
                present[k++] = column;
            }
        }
        Arrays.sort(present, Comparator.<Integer>comparingInt(c -> documentFrequency[c]).thenComparingInt(c -> c));
        int[] fullToCompact = new int[rows.columnCount()];
        Arrays.fill(fullToCompact, -1);
        int[] compactToFull = new int[distinct];
        int[] frequency = new int[distinct];
        for (int i = 0; i < distinct; i++) {
            compactToFull[i] = present[i];
            frequency[i] = documentFrequency[present[i]];
            fullToCompact[present[i]] = i;
        }
        return new CompactColumns(fullToCompact, compactToFull, frequency);
    }

    int size() {
        return compactToFull.length;
    }

    /** The compact index of a full column, or -1 when no training row has it. */
    int compact(int fullColumn) {
        return fullToCompact[fullColumn];
    }

    /** How many training rows have compact column {@code index}; never decreasing in the index. */
    int frequency(int index) {
        return frequency[index];
    }

    int[] fullColumns() {
        return compactToFull.clone();
    }
}
