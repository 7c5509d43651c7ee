package org.activelabeler.labeling;

import java.time.Instant;
import org.activelabeler.dataset.Sentiment;

/**
 * One thing an annotator did, as stored.
 *
 * @param label the label given, or {@code null} for a skip
 */
public record LabelEvent(long seq, long reviewId, LabelAction action, Sentiment label, String annotator,
                         Instant createdAt) {
}
