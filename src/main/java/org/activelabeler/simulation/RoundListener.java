package org.activelabeler.simulation;

/** Hears about each finished round, for progress display and experiment tracking. */
public interface RoundListener {
    RoundListener NONE = (round, labeledRows) -> { };

    /**
     * @param round what the round measured
     * @param labeledRows the pool rows whose labels the model was trained on, in reveal order
     */
    void roundFinished(RoundResult round, int[] labeledRows);

    /** The feature space the next round fits on, when the experiment has more than one. */
    default void featureSpaceChosen(String name) {
    }
}
