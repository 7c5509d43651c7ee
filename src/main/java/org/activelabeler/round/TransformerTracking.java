package org.activelabeler.round;

import org.activelabeler.model.TextClassifier;
import org.activelabeler.simulation.TransformerRoundResult;
import org.activelabeler.tracking.RunRef;

/** Where a transformer round is logged; called on the transformer's thread, so it only writes small files and queues. */
@FunctionalInterface
public interface TransformerTracking {
    TransformerTracking NONE = (transformer, result, snapshot) -> null;

    /**
     * @param snapshot the labels the round was given, as {@code label_snapshot.csv}
     * @return the round's run, or null when it is not tracked
     */
    RunRef trained(TextClassifier transformer, TransformerRoundResult result, String snapshot);
}
