package org.activelabeler.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.activelabeler.app.RuntimeFacts;
import org.activelabeler.model.ModelDescription;

/** Params and tags that the runs of {@code train} and {@code evaluate} share with those of {@code simulate}. */
final class RunDescriptions {
    private RunDescriptions() {
    }

    static Map<String, String> modelParams(ModelDescription model, long seed) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("seed", Long.toString(seed));
        params.put("model", model.name());
        model.hyperparameters().forEach(params::putIfAbsent);
        return params;
    }

    /** @param adopted whether the run is one {@code mlflow run} opened, which has its own source tags */
    static Map<String, String> tags(ModelDescription model, String command, boolean adopted) {
        Map<String, String> tags = new LinkedHashMap<>(RuntimeFacts.tags());
        tags.put("device", model.device().startsWith("gpu") ? "GPU" : "CPU");
        if (!adopted) {
            tags.put("mlflow.source.type", "LOCAL");
            tags.put("mlflow.source.name", "active-labeler " + command);
        }
        return tags;
    }
}
