package org.activelabeler.labeling;

/** What an annotator did with a review. */
public enum LabelAction {
    /** Gave it a class (a newer one changes the label; the older event stays). */
    LABEL,
    /** Put it off: it comes back after the rest. */
    SKIP,
    /** Took its label away: the text is unlabeled again (the events before stay, and undo restores it). */
    REMOVE
}
