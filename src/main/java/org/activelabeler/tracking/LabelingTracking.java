package org.activelabeler.tracking;

import java.util.Map;
import java.util.UUID;
import org.activelabeler.model.Classifier;
import org.activelabeler.simulation.RoundResult;

/**
 * Turns a labeling session of the desktop app (one dataset, one annotator) into tracking records:
 * a parent run for the session and a child run per retrain, as {@link SimulationTracking} does for
 * {@code simulate}. {@link #round} runs on the training thread: it writes small local files and queues.
 */
public final class LabelingTracking {
    private final ExperimentTracker tracker;
    private final RunContext context;
    private final RunRef parent;
    private boolean started;
    private boolean finished;

    public LabelingTracking(ExperimentTracker tracker, RunContext context) {
        this.tracker = tracker;
        this.context = context;
        this.parent = new RunRef(context.experiment(), UUID.randomUUID().toString());
    }

    public RunRef parent() {
        return parent;
    }

    /**
     * Logs one retrain as a child run, opening the parent run on the first.
     *
     * @param snapshot the labels trained on, as {@code label_snapshot.csv}
     * @param roundParams params that may change between retrains (strategy, batch size)
     * @return the child run
     */
    public synchronized RunRef round(Classifier classifier, RoundResult round, String snapshot,
                                     Map<String, String> roundParams) {
        if (finished) {
            throw new IllegalStateException("The labeling session's run is closed");
        }
        if (!started) {
            tracker.record(new RunStart(parent, null, context.runName(), System.currentTimeMillis(),
                    context.params(), context.tags(), context.inputs(), null));
            started = true;
        }
        return RoundRun.record(tracker, context, parent, classifier::save, round, snapshot, roundParams);
    }

    /** Closes the parent run, when a retrain opened it. */
    public synchronized void finish() {
        if (started && !finished) {
            tracker.record(new RunEnd(parent, RunEnd.FINISHED, System.currentTimeMillis()));
        }
        finished = true;
    }
}
