package org.activelabeler.ui.dataset;

/** What the toolbar's Dataset menu does: export the labels, add a class, go to the other datasets. */
public record DatasetActions(Runnable exportLabels, Runnable addClass, Runnable otherDatasets) {
}
