package org.activelabeler.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.activelabeler.app.RunDescriptions;
import org.activelabeler.app.TrackingSession;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.ModelDescription;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.simulation.RoundResult;
import org.activelabeler.simulation.TransformerRoundResult;
import org.activelabeler.tracking.LabelingTracking;
import org.activelabeler.tracking.ModelNames;
import org.activelabeler.tracking.RunContext;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.round.RoundTracking;
import org.activelabeler.modelpackage.ModelPackage;
import org.activelabeler.modelpackage.TrainedOn;
import org.activelabeler.round.TransformerTracking;

/**
 * The MLflow runs of one opened dataset: a parent run per annotator in the experiment named after
 * the dataset, a child run per retrain, fast or transformer. Called on the training threads; the
 * tracker sends later.
 */
final class LabelingRuns implements RoundTracking, TransformerTracking, AutoCloseable {

    private final Supplier<TrackingSession> session;
    private final DatasetInfo dataset;
    private final Supplier<String> annotator;
    private final long seed;
    private final ModelPackage packages;
    private LabelingTracking current;
    private String currentAnnotator;
    private ModelDescription fastModel;
    private String tokenizer;

    /**
     * @param session the app's tracking, or a supplier of null while there is none
     * @param packages writes each retrain's model as a package
     */
    LabelingRuns(Supplier<TrackingSession> session, DatasetInfo dataset, Supplier<String> annotator, long seed,
                 ModelPackage packages) {
        this.session = session;
        this.packages = packages;
        this.dataset = dataset;
        this.annotator = annotator;
        this.seed = seed;
    }

    @Override
    public synchronized RunRef trained(Classifier classifier, TrainedOn trainedOn, RoundResult round, String snapshot,
                                       Map<String, String> roundParams) {
        fastModel = classifier.description();
        tokenizer = roundParams.get("tokenizer");
        LabelingTracking tracking = tracking();
        if (tracking == null) {
            return null;
        }
        return tracking.round(packages.writer(classifier, trainedOn.pipeline(), trainedOn.layout(),
                trainedOn.encoder()), round, snapshot, roundParams);
    }

    /**
     * A child run of the same parent with a version of the transformer's own registered model; the
     * transformer is saved outside this object's lock, so fast retrains do not wait on it.
     */
    @Override
    public RunRef trained(TextClassifier transformer, TransformerRoundResult result, String snapshot) {
        LabelingTracking tracking;
        synchronized (this) {
            tracking = tracking();
        }
        return tracking == null ? null : tracking.transformerRound(transformer, result, snapshot);
    }

    /** The session's tracking for the annotator now; null without a server connection or before a fast retrain. */
    private LabelingTracking tracking() {
        TrackingSession tracking = session.get();
        if (tracking == null || fastModel == null) {
            return null;
        }
        String who = annotator.get();
        if (current == null || !who.equals(currentAnnotator)) {
            close();
            current = new LabelingTracking(tracking.tracker(), context(fastModel, who, tokenizer, tracking));
            currentAnnotator = who;
        }
        return current;
    }

    private RunContext context(ModelDescription model, String who, String tokenizer, TrackingSession tracking) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("data", dataset.sourcePath());
        params.putAll(RunDescriptions.modelParams(model, seed));
        if (tokenizer != null) {
            params.putIfAbsent("tokenizer", tokenizer);
        }
        Map<String, String> tags = RunDescriptions.tags(model, "desktop", false);
        tags.put("dataset.sha256", dataset.contentSha256());
        tags.put("annotator", who);
        return new RunContext(dataset.name(), ModelNames.forDataset(dataset.name()), "label-" + who, params, tags,
                List.of(RunDescriptions.input(dataset, "training")), tracking.staging(), null, dataset.labels());
    }

    /** Closes the open parent run, if any. */
    @Override
    public synchronized void close() {
        if (current != null) {
            current.finish();
            current = null;
        }
    }
}
