package org.activelabeler.round;

import java.util.Map;
import org.activelabeler.model.Classifier;
import org.activelabeler.modelpackage.TrainedOn;
import org.activelabeler.simulation.RoundResult;
import org.activelabeler.tracking.RunRef;

/** Where a retrain is logged; called on the training thread, so it only writes small files and queues. */
@FunctionalInterface
public interface RoundTracking {
    RoundTracking NONE = (classifier, trainedOn, round, snapshot, roundParams) -> null;

    /**
     * @param trainedOn the features the classifier read, to package it
     * @param snapshot the labels trained on, as {@code label_snapshot.csv}
     * @param roundParams strategy and batch size of this retrain
     * @return the round's run, or null when it is not tracked
     */
    RunRef trained(Classifier classifier, TrainedOn trainedOn, RoundResult round, String snapshot, Map<String, String> roundParams);
}
