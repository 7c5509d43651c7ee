package org.activelabeler.dataset;

/**
 * Why a dataset is in the store: imported to be labeled, or read by an experiment ({@code simulate},
 * {@code train}, {@code evaluate}). The window lists only the first kind.
 */
public enum DatasetOrigin {
    IMPORT,
    EXPERIMENT
}
