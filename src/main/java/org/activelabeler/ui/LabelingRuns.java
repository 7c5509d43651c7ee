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
import org.activelabeler.simulation.RoundResult;
import org.activelabeler.tracking.LabelingTracking;
import org.activelabeler.tracking.RunContext;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.ui.retrain.RoundTracking;

/**
 * The MLflow runs of one opened dataset: a parent run per annotator in the experiment named after
 * the dataset, a child run per retrain. Called on the training thread; the tracker sends later.
 */
final class LabelingRuns implements RoundTracking, AutoCloseable {
    static final String REGISTERED_MODEL = "imdb-sentiment";

    private final Supplier<TrackingSession> session;
    private final DatasetInfo dataset;
    private final Supplier<String> annotator;
    private final long seed;
    private LabelingTracking current;
    private String currentAnnotator;

    /** @param session the app's tracking, or a supplier of null while there is none */
    LabelingRuns(Supplier<TrackingSession> session, DatasetInfo dataset, Supplier<String> annotator, long seed) {
        this.session = session;
        this.dataset = dataset;
        this.annotator = annotator;
        this.seed = seed;
    }

    @Override
    public synchronized RunRef trained(Classifier classifier, RoundResult round, String snapshot,
                                       Map<String, String> roundParams) {
        TrackingSession tracking = session.get();
        if (tracking == null) {
            return null;
        }
        String who = annotator.get();
        if (current == null || !who.equals(currentAnnotator)) {
            close();
            current = new LabelingTracking(tracking.tracker(), context(classifier.description(), who,
                    roundParams.get("tokenizer"), tracking));
            currentAnnotator = who;
        }
        return current.round(classifier, round, snapshot, roundParams);
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
        return new RunContext(dataset.name(), REGISTERED_MODEL, "label-" + who, params, tags,
                List.of(RunDescriptions.input(dataset, "training")), tracking.staging(), null);
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
