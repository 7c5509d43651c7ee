package org.activelabeler.labeling;

import java.time.Instant;

/**
 * One thing an annotator (a person or the simulated oracle) did, as stored.
 *
 * @param label the class index given, or {@link #NO_LABEL} for a skip
 * @param undoneAt when it was taken back, or null
 */
public record LabelEvent(long seq, long reviewId, LabelAction action, int label, String annotator,
                         LabelSource source, Instant createdAt, Instant undoneAt) {
    public static final int NO_LABEL = -1;
}
