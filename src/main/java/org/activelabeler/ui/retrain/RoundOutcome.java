package org.activelabeler.ui.retrain;

import java.util.List;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.labeling.RoundRecord;
import org.activelabeler.tracking.RunRef;

/**
 * What one background retrain produced.
 *
 * @param positiveProbability p(positive) per review, in corpus order
 * @param holdoutAccuracy accuracy on the reviews that have a file label and no annotator label, NaN
 *     when the file has no labels
 * @param holdoutSize how many reviews that accuracy was measured on
 * @param run the round's tracking run, or null when it is not tracked
 */
public record RoundOutcome(RoundRecord round, List<QueueEntry> queue, float[] positiveProbability,
                           double holdoutAccuracy, int holdoutSize, RunRef run) {

    public RoundOutcome(RoundRecord round, List<QueueEntry> queue, float[] positiveProbability,
                        double holdoutAccuracy, int holdoutSize) {
        this(round, queue, positiveProbability, holdoutAccuracy, holdoutSize, null);
    }

    /** The accuracy the learning curve shows: holdout when there is one, else early-stopping validation. */
    public double curveAccuracy() {
        return Double.isNaN(holdoutAccuracy) ? round.validationAccuracy() : holdoutAccuracy;
    }
}
