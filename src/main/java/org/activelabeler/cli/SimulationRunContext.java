package org.activelabeler.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activelabeler.app.RunDescriptions;
import org.activelabeler.app.RuntimeFacts;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.model.ModelDescription;
import org.activelabeler.simulation.SimulationSettings;
import org.activelabeler.tracking.DatasetInput;
import org.activelabeler.tracking.RunContext;

/** What the runs of one {@code simulate} invocation record to be repeatable. */
final class SimulationRunContext {
    static final String ANNOTATOR = "simulated-oracle";

    private SimulationRunContext() {
    }

    /**
     * @param experiment the experiment, or null for the dataset's name
     * @param adoptRunId a run to use as the parent run (see {@link org.activelabeler.tracking.RunStart}), or null
     */
    static RunContext of(String experiment, String registeredModel, SimulationSettings settings, Corpus pool,
                         Corpus holdout, ModelDescription model, Path staging, String adoptRunId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("strategy", settings.strategy());
        params.put("batch_size", Integer.toString(settings.batchSize()));
        params.put("init_labels", Integer.toString(settings.initialLabels()));
        params.put("max_labels", Integer.toString(settings.maxLabels()));
        params.put("seed", Long.toString(settings.seed()));
        params.put("data", pool.dataset().sourcePath());
        params.put("holdout", holdout == null ? "10% of the pool" : holdout.dataset().sourcePath());
        params.put("model", model.name());
        model.hyperparameters().forEach((key, value) -> params.putIfAbsent(key, value));

        Map<String, String> tags = new LinkedHashMap<>(RuntimeFacts.tags());
        tags.put("dataset.sha256", pool.dataset().contentSha256());
        if (holdout != null) {
            tags.put("holdout.sha256", holdout.dataset().contentSha256());
        }
        tags.put("device", model.device().startsWith("gpu") ? "GPU" : "CPU");
        tags.put("annotator", ANNOTATOR);
        if (adoptRunId == null) {
            // `mlflow run` sets its own (PROJECT, the project's URI) on the run it opened
            tags.put("mlflow.source.type", "LOCAL");
            tags.put("mlflow.source.name", "active-labeler simulate");
        }

        List<DatasetInput> inputs = new ArrayList<>();
        inputs.add(input(pool.dataset(), "training"));
        if (holdout != null) {
            inputs.add(input(holdout.dataset(), "evaluation"));
        }
        String name = experiment != null && !experiment.isBlank() ? experiment : pool.dataset().name();
        String runName = "simulate-" + settings.strategy() + "-seed-" + settings.seed();
        return new RunContext(name, registeredModel, runName, params, tags, inputs, staging, adoptRunId,
                pool.dataset().labels());
    }

    static DatasetInput input(DatasetInfo dataset, String context) {
        return RunDescriptions.input(dataset, context);
    }
}
