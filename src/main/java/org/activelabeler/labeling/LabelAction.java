package org.activelabeler.labeling;

/** What an annotator did with a review. */
public enum LabelAction {
    LABEL,
    SKIP
}
