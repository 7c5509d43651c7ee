package org.activelabeler.search;

import org.activelabeler.labeling.LabelSource;

/**
 * One text that matched.
 *
 * @param row its row in the dataset (file order, from 0)
 * @param snippet the text around the first match
 * @param label its current class index, or -1 when unlabeled
 * @param annotator who gave the current label, or null
 * @param predicted the model's most likely class, or -1 before a model
 * @param confidence the model's probability of {@code predicted} (NaN before a model)
 * @param entropy of the model's prediction, in nats (NaN before a model)
 * @param labeledAt when the current label was given, or null
 */
public record SearchHit(int row, long reviewId, String snippet, int label, String annotator, LabelSource source,
                        int predicted, double confidence, double entropy, java.time.Instant labeledAt) {
}
