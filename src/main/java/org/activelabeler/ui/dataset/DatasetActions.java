package org.activelabeler.ui.dataset;

/**
 * What the toolbar's Dataset menu does: export the labels, add a class, go to the other datasets, find
 * texts, show the label history and the team's disagreements (the open labeling screen's; nothing before
 * one is open).
 */
public record DatasetActions(Runnable exportLabels, Runnable addClass, Runnable otherDatasets, Runnable find,
                             Runnable history, Runnable conflicts) {

    public DatasetActions(Runnable exportLabels, Runnable addClass, Runnable otherDatasets) {
        this(exportLabels, addClass, otherDatasets, () -> { }, () -> { }, () -> { });
    }

    /** The same actions, with the open labeling screen's windows. */
    public DatasetActions withScreen(Runnable find, Runnable history, Runnable conflicts) {
        return new DatasetActions(exportLabels, addClass, otherDatasets, find, history, conflicts);
    }
}
