package org.activelabeler.simulation;

import org.activelabeler.features.FeatureMatrix;

/** Feature rows with their gold class indices. */
public record LabeledRows(FeatureMatrix features, int[] gold) {
    public LabeledRows {
        if (features.rowCount() != gold.length) {
            throw new IllegalArgumentException("Need one gold label per row");
        }
    }

    public int size() {
        return gold.length;
    }

    /** A subset, in the order given. */
    public LabeledRows select(int[] rows) {
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = gold[rows[i]];
        }
        return new LabeledRows(features.select(rows), labels);
    }
}
