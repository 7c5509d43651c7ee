package org.activelabeler.tracking;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.activelabeler.modelpackage.ModelWriter;
import org.activelabeler.simulation.LabeledRows;
import org.activelabeler.simulation.LearningCurve;
import org.activelabeler.simulation.RoundListener;
import org.activelabeler.simulation.RoundResult;
import org.activelabeler.simulation.TransformerLane;
import org.activelabeler.simulation.TransformerRoundResult;
import org.activelabeler.model.TextClassifier;

/**
 * Turns a simulated-oracle experiment into tracking records: a parent run for the invocation, a
 * child run per round with its model, label snapshot and confusion matrix, and a model version per
 * round. Runs on the training thread, so it only writes small local files and queues records.
 */
public final class SimulationTracking implements RoundListener, TransformerLane.Listener {
    public static final String MODEL_PATH = "model";
    public static final String CHAMPION_METRIC = "holdout_accuracy";

    private final ExperimentTracker tracker;
    private final RunContext context;
    private final Function<String, ModelWriter> models;
    private final LabeledRows pool;
    private String featureSpace;
    private final RunRef parent;
    private TextClassifier transformer;
    private RunContext transformerContext;

    /**
     * @param models the writer of the fast model after a round, by the feature space it fitted on (null:
     *     the experiment's blocks)
     */
    public SimulationTracking(ExperimentTracker tracker, RunContext context, Function<String, ModelWriter> models,
                              LabeledRows pool) {
        this.tracker = tracker;
        this.context = context;
        this.models = models;
        this.pool = pool;
        this.parent = new RunRef(context.experiment(), UUID.randomUUID().toString());
    }

    public RunRef parent() {
        return parent;
    }

    public void start() {
        tracker.record(new RunStart(parent, null, context.runName(), System.currentTimeMillis(), context.params(),
                context.tags(), context.inputs(), context.adoptRunId()));
    }

    @Override
    public void featureSpaceChosen(String name) {
        featureSpace = name;
    }

    /** Tracks the round; its run's params say which feature space it fitted on, when there was a choice. */
    @Override
    public void roundFinished(RoundResult round, int[] labeledRows) {
        RoundRun.record(tracker, context, parent, models.apply(featureSpace), round,
                StagedFiles.labelSnapshot(pool, labeledRows, context.labels()),
                featureSpace == null ? Map.of() : Map.of("feature_space", featureSpace));
    }

    /** Makes transformer rounds tracked too, as runs of their own registered model. */
    public void trackTransformer(TextClassifier model) {
        this.transformer = model;
        this.transformerContext = TransformerRuns.context(context, model.description());
    }

    @Override
    public void transformerRoundFinished(TransformerRoundResult result, int[] trainedOnRows) {
        TransformerRuns.record(tracker, transformerContext, parent, transformer, result,
                StagedFiles.labelSnapshot(pool, trainedOnRows, context.labels()));
    }

    /** Logs the learning curve as CSV and PNG and closes the parent run. */
    public void finish(LearningCurve curve) {
        long now = System.currentTimeMillis();
        Path folder = context.staging().resolve(parent.key());
        Path csv = StagedFiles.write(folder.resolve("learning_curve.csv"), curve.toCsv());
        Path png = LearningCurvePlot.write(curve, folder.resolve("learning_curve.png"));
        List<MetricPoint> metrics = List.of(
                new MetricPoint("learning_curve_area", curve.normalisedArea(), curve.last().labels(), now));
        tracker.record(new RunData(parent, metrics,
                List.of(artifact(csv, "learning_curve.csv"), artifact(png, "learning_curve.png"))));
        tracker.record(new RunEnd(parent, RunEnd.FINISHED, now));
    }

    /** Closes the parent run as failed, after an error or a cancel. */
    public void fail() {
        tracker.record(new RunEnd(parent, RunEnd.FAILED, System.currentTimeMillis()));
    }

    private static ArtifactFile artifact(Path file, String artifactPath) {
        return RoundRun.artifact(file, artifactPath);
    }
}
