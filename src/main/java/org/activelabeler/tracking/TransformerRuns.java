package org.activelabeler.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activelabeler.evaluation.ClassMetrics;
import org.activelabeler.model.ModelDescription;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.modelpackage.ModelWriter;
import org.activelabeler.simulation.RoundResult;
import org.activelabeler.simulation.TransformerRoundResult;

/**
 * Transformer rounds as MLflow runs: a child run and a version of their own registered model
 * ({@code <name>-transformer}), with the encoder, its weights' digest and the device among the tags,
 * and the judgement against the fast model as metrics.
 */
public final class TransformerRuns {
    public static final String REGISTERED_SUFFIX = "-transformer";

    private TransformerRuns() {
    }

    /** The context of the fast model's runs, turned to the transformer's. */
    public static RunContext context(RunContext fast, ModelDescription transformer) {
        Map<String, String> params = new LinkedHashMap<>(fast.params());
        params.put("model", transformer.name());
        params.putAll(transformer.hyperparameters());
        Map<String, String> tags = new LinkedHashMap<>(fast.tags());
        tags.put("device", transformer.device().startsWith("gpu") ? "GPU" : "CPU");
        tags.put("device.name", transformer.device());
        tags.put("encoder", transformer.hyperparameters().getOrDefault("encoder", "unknown"));
        tags.put("encoder.sha256", transformer.hyperparameters().getOrDefault("encoder_sha256", "unknown"));
        return new RunContext(fast.experiment(), fast.registeredModel() + REGISTERED_SUFFIX, fast.runName(), params,
                tags, fast.inputs(), fast.staging(), fast.adoptRunId(), fast.labels());
    }

    static RunRef record(ExperimentTracker tracker, RunContext context, RunRef parent, TextClassifier transformer,
                         TransformerRoundResult result, String snapshot) {
        RoundResult asRound = new RoundResult(result.round(), result.labels(), result.holdoutAccuracy(),
                result.holdoutMacroF1(), result.trainMillis(), result.scoreMillis(), Double.NaN, Double.NaN,
                result.training(), result.confusion() == null ? null : ClassMetrics.of(result.confusion()));
        RunRef child = RoundRun.record(tracker, context, parent, ModelWriter.selfContained(transformer::save), asRound, snapshot,
                Map.of("transformer_train_labels", Integer.toString(result.labels() - result.handover().validationLabels())));
        long now = System.currentTimeMillis();
        long step = result.labels();
        List<MetricPoint> metrics = new ArrayList<>();
        metrics.add(new MetricPoint("validation_accuracy_transformer", result.handover().transformerAccuracy(), step, now));
        metrics.add(new MetricPoint("validation_accuracy_fast", result.handover().fastAccuracy(), step, now));
        metrics.add(new MetricPoint("validation_accuracy_ensemble", result.handover().ensembleAccuracy(), step, now));
        metrics.add(new MetricPoint("holdout_accuracy_ensemble_same_reviews", result.ensembleHoldoutAccuracy(), step, now));
        metrics.add(new MetricPoint("validation_labels", result.handover().validationLabels(), step, now));
        metrics.add(new MetricPoint("serves_queue", servesQueue(result), step, now));
        metrics.add(new MetricPoint("holdout_accuracy_fast_same_reviews", result.fastHoldoutAccuracy(), step, now));
        metrics.add(new MetricPoint("holdout_reviews", result.holdoutSize(), step, now));
        metrics.add(new MetricPoint("evaluate_ms", result.evaluateMillis(), step, now));
        metrics.removeIf(m -> !Double.isFinite(m.value()));
        tracker.record(new RunData(child, metrics, List.of()));
        List<MetricPoint> onParent = new ArrayList<>(List.of(
                new MetricPoint("transformer_holdout_accuracy", result.holdoutAccuracy(), step, now),
                new MetricPoint("transformer_serves_queue", servesQueue(result), step, now)));
        onParent.removeIf(m -> !Double.isFinite(m.value()));
        tracker.record(new RunData(parent, onParent, List.of()));
        return child;
    }

    /** 0: the fast model serves the queue; 1: the transformer; 2: both together. */
    private static int servesQueue(TransformerRoundResult result) {
        return switch (result.handover().owner()) {
            case FAST -> 0;
            case TRANSFORMER -> 1;
            case ENSEMBLE -> 2;
        };
    }
}
