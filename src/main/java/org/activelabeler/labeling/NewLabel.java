package org.activelabeler.labeling;

/** A label to be recorded: the class index of a review, by whom. */
public record NewLabel(long reviewId, int label, String annotator, LabelSource source) {
}
