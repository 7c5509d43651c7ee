package org.activelabeler.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.model.ModelDescription;
import org.activelabeler.tracking.DatasetInput;

/** Params, tags and inputs that the runs of every command and of the desktop app share. */
public final class RunDescriptions {
    private static final int INPUT_DIGEST_LENGTH = 16;

    private RunDescriptions() {
    }

    public static Map<String, String> modelParams(ModelDescription model, long seed) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("seed", Long.toString(seed));
        params.put("model", model.name());
        model.hyperparameters().forEach(params::putIfAbsent);
        return params;
    }

    /** @param adopted whether the run is one {@code mlflow run} opened, which has its own source tags */
    public static Map<String, String> tags(ModelDescription model, String command, boolean adopted) {
        Map<String, String> tags = new LinkedHashMap<>(RuntimeFacts.tags());
        tags.put("device", model.device().startsWith("gpu") ? "GPU" : "CPU");
        if (!adopted) {
            tags.put("mlflow.source.type", "LOCAL");
            tags.put("mlflow.source.name", "active-labeler " + command);
        }
        return tags;
    }

    /** The dataset as an MLflow dataset input; {@code context} is {@code training} or {@code evaluation}. */
    public static DatasetInput input(DatasetInfo dataset, String context) {
        String source = "{\"uri\": \"" + dataset.sourcePath().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return new DatasetInput(dataset.name(), dataset.contentSha256().substring(0, INPUT_DIGEST_LENGTH), "local",
                source, context);
    }
}
