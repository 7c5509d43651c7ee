package org.activelabeler.ui.dataset;

/**
 * What the toolbar's Dataset menu does: export the labels, add a class, go to the other datasets, find
 * texts and show the label history (the open labeling screen's; nothing before one is open).
 */
public record DatasetActions(Runnable exportLabels, Runnable addClass, Runnable otherDatasets, Runnable find,
                             Runnable history) {

    public DatasetActions(Runnable exportLabels, Runnable addClass, Runnable otherDatasets) {
        this(exportLabels, addClass, otherDatasets, () -> { }, () -> { });
    }

    /** The same actions, finding texts with {@code find} and showing the history with {@code history}. */
    public DatasetActions withScreen(Runnable find, Runnable history) {
        return new DatasetActions(exportLabels, addClass, otherDatasets, find, history);
    }
}
