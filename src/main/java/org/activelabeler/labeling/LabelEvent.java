package org.activelabeler.labeling;

import java.time.Instant;
import org.activelabeler.dataset.Sentiment;

/**
 * One thing an annotator (a person or the simulated oracle) did, as stored.
 *
 * @param label the label given, or {@code null} for a skip
 */
public record LabelEvent(long seq, long reviewId, LabelAction action, Sentiment label, String annotator,
                         LabelSource source, Instant createdAt) {
}
