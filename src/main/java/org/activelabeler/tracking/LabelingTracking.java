package org.activelabeler.tracking;

import java.util.Map;
import java.util.UUID;
import org.activelabeler.modelpackage.ModelWriter;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.simulation.RoundResult;
import org.activelabeler.simulation.TransformerRoundResult;

/**
 * Turns a labeling session of the desktop app (one dataset, one annotator) into tracking records:
 * a parent run for the session and a child run per retrain, as {@link SimulationTracking} does for
 * {@code simulate}. {@link #round} runs on the training thread: it writes small local files and queues.
 * Transformer rounds of the two-speed loop are child runs of the same parent, as in {@code simulate}.
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
     * @param model writes the trained model as a package
     * @param snapshot the labels trained on, as {@code label_snapshot.csv}
     * @param roundParams params that may change between retrains (strategy, batch size)
     * @return the child run
     */
    public synchronized RunRef round(ModelWriter model, RoundResult round, String snapshot,
                                     Map<String, String> roundParams) {
        startParent();
        return RoundRun.record(tracker, context, parent, model, round, snapshot, roundParams);
    }

    /**
     * Logs one transformer round as a child run with a version of {@code <registered model>-transformer},
     * tagged with its device and encoder, opening the parent run when no retrain has yet. Runs on the
     * transformer's thread; it holds no lock while the model is saved, so fast retrains never wait on it.
     *
     * @param snapshot the labels the round was given, as {@code label_snapshot.csv}
     * @return the child run
     */
    public RunRef transformerRound(TextClassifier transformer, TransformerRoundResult result, String snapshot) {
        synchronized (this) {
            startParent();
        }
        return TransformerRuns.record(tracker, TransformerRuns.context(context, transformer.description()), parent,
                transformer, result, snapshot);
    }

    private void startParent() {
        if (finished) {
            throw new IllegalStateException("The labeling session's run is closed");
        }
        if (!started) {
            tracker.record(new RunStart(parent, null, context.runName(), System.currentTimeMillis(),
                    context.params(), context.tags(), context.inputs(), null));
            started = true;
        }
    }

    /** Closes the parent run, when a retrain opened it. */
    public synchronized void finish() {
        if (started && !finished) {
            tracker.record(new RunEnd(parent, RunEnd.FINISHED, System.currentTimeMillis()));
        }
        finished = true;
    }
}
