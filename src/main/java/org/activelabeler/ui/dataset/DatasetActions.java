package org.activelabeler.ui.dataset;

/**
 * What the toolbar's Dataset menu does: export the labels, add a class, go to the other datasets, and
 * find texts (the open labeling screen's; nothing before one is open).
 */
public record DatasetActions(Runnable exportLabels, Runnable addClass, Runnable otherDatasets, Runnable find) {

    public DatasetActions(Runnable exportLabels, Runnable addClass, Runnable otherDatasets) {
        this(exportLabels, addClass, otherDatasets, () -> { });
    }

    /** The same actions, finding texts with {@code action}. */
    public DatasetActions withFind(Runnable action) {
        return new DatasetActions(exportLabels, addClass, otherDatasets, action);
    }
}
