package org.activelabeler.round;

import java.util.List;
import org.activelabeler.explain.TokenPulls;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.labeling.RoundRecord;
import org.activelabeler.model.Predictions;
import org.activelabeler.stopping.StoppingSignal;
import org.activelabeler.tracking.RunRef;

/**
 * What one retrain of an opened dataset produced.
 *
 * @param predictions the class probabilities of every text, in corpus order
 * @param holdoutAccuracy accuracy on the texts that have a file label and no label from the loop, NaN
 *     when the file has no labels
 * @param holdoutSize how many texts that accuracy was measured on
 * @param run the round's tracking run, or null when it is not tracked
 * @param stopping whether more labels are likely to change the model
 * @param pulls what each token of a text adds toward each class, or null when the model read no TF-IDF block
 */
public record RoundOutcome(RoundRecord round, List<QueueEntry> queue, Predictions predictions,
                           double holdoutAccuracy, int holdoutSize, RunRef run, StoppingSignal stopping,
                           TokenPulls pulls) {

    public RoundOutcome(RoundRecord round, List<QueueEntry> queue, Predictions predictions, double holdoutAccuracy,
                        int holdoutSize) {
        this(round, queue, predictions, holdoutAccuracy, holdoutSize, null, StoppingSignal.NONE, null);
    }

    /**
     * The accuracy the learning curve shows: holdout when there is one, else the audit estimate when
     * texts drawn at random were labeled, else early-stopping validation.
     */
    public double curveAccuracy() {
        if (!Double.isNaN(holdoutAccuracy)) {
            return holdoutAccuracy;
        }
        return stopping.audit().labels() > 0 ? stopping.audit().accuracy() : round.validationAccuracy();
    }
}
