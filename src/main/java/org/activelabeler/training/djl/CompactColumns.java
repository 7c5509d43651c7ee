package org.activelabeler.training.djl;

import java.util.Arrays;
import org.activelabeler.features.FeatureMatrix;

/** The columns that occur in the training rows, numbered densely from 0. */
final class CompactColumns {
    private final int[] fullToCompact;
    private final int[] compactToFull;

    private CompactColumns(int[] fullToCompact, int[] compactToFull) {
        this.fullToCompact = fullToCompact;
        this.compactToFull = compactToFull;
    }

    static CompactColumns of(FeatureMatrix rows, int[] trainRows) {
        boolean[] seen = new boolean[rows.columnCount()];
        int count = 0;
        for (int row : trainRows) {
            for (int p = rows.rowStart(row); p < rows.rowEnd(row); p++) {
                if (!seen[rows.column(p)]) {
                    seen[rows.column(p)] = true;
                    count++;
                }
            }
        }
        int[] fullToCompact = new int[rows.columnCount()];
        Arrays.fill(fullToCompact, -1);
        int[] compactToFull = new int[count];
        int next = 0;
        for (int column = 0; column < seen.length; column++) {
            if (seen[column]) {
                fullToCompact[column] = next;
                compactToFull[next++] = column;
            }
        }
        return new CompactColumns(fullToCompact, compactToFull);
    }

    int size() {
        return compactToFull.length;
    }

    /** The compact index of a full column, or -1 when no training row has it. */
    int compact(int fullColumn) {
        return fullToCompact[fullColumn];
    }

    int[] fullColumns() {
        return compactToFull.clone();
    }
}
