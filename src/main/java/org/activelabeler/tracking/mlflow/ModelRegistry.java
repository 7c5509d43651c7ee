package org.activelabeler.tracking.mlflow;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activelabeler.tracking.ModelRegistration;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.ModelRegistry.ModelVersionTag;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;

/**
 * Model versions and aliases. The Java client can search versions but not create models, versions
 * or aliases, so those go through its raw REST calls.
 */
final class ModelRegistry {
    private static final int PAGE = 1000;
    private final MlflowClient client;

    ModelRegistry(MlflowClient client) {
        this.client = client;
    }

    /** Registers the run's model unless a version from this run exists, then moves the champion alias. */
    ModelVersion register(ModelRegistration registration, RunInfo run) {
        createModelIfMissing(registration.modelName());
        ModelVersion version = versionOf(registration.modelName(), run.getRunId())
                .orElseGet(() -> createVersion(registration, run));
        moveChampion(registration.modelName(), registration.championTag());
        return version;
    }

    /** Looks the model up by a search first: asking to create one that exists is an error the server logs. */
    private void createModelIfMissing(String name) {
        String found = client.sendGet("registered-models/search?filter="
                + URLEncoder.encode(filter(name), StandardCharsets.UTF_8));
        if (JsonParser.parseString(found).getAsJsonObject().has("registered_models")) {
            return;
        }
        JsonObject body = new JsonObject();
        body.addProperty("name", name);
        try {
            client.sendPost("registered-models/create", body.toString());
        } catch (MlflowHttpException e) {
            // made meanwhile by another client
            if (e.getBodyMessage() == null || !e.getBodyMessage().contains("RESOURCE_ALREADY_EXISTS")) {
                throw e;
            }
        }
    }

    private Optional<ModelVersion> versionOf(String name, String runId) {
        return client.searchModelVersions(filter(name) + " and run_id = '" + runId + "'").getItems().stream()
                .findFirst();
    }

    private ModelVersion createVersion(ModelRegistration registration, RunInfo run) {
        JsonObject body = new JsonObject();
        body.addProperty("name", registration.modelName());
        body.addProperty("source", run.getArtifactUri() + "/" + registration.artifactPath());
        body.addProperty("run_id", run.getRunId());
        JsonArray tags = new JsonArray();
        for (Map.Entry<String, String> tag : registration.tags().entrySet()) {
            JsonObject t = new JsonObject();
            t.addProperty("key", tag.getKey());
            t.addProperty("value", tag.getValue());
            tags.add(t);
        }
        body.add("tags", tags);
        client.sendPost("model-versions/create", body.toString());
        return versionOf(registration.modelName(), run.getRunId()).orElseThrow(() -> new IllegalStateException(
                "The server created a version of " + registration.modelName() + " but cannot find it"));
    }

    /** The version with the highest value of the tag; the earliest wins a tie. */
    private void moveChampion(String name, String metricTag) {
        List<ModelVersion> versions = client.searchModelVersions(filter(name), PAGE, List.of()).getItems();
        Optional<ModelVersion> best = versions.stream().filter(v -> tag(v, metricTag).isPresent())
                .max(Comparator.<ModelVersion>comparingDouble(v -> tag(v, metricTag).orElseThrow())
                        .thenComparing(v -> -Long.parseLong(v.getVersion())));
        if (best.isEmpty()) {
            return;
        }
        JsonObject body = new JsonObject();
        body.addProperty("name", name);
        body.addProperty("alias", ModelRegistration.CHAMPION);
        body.addProperty("version", best.get().getVersion());
        client.sendPost("registered-models/alias", body.toString());
    }

    private static Optional<Double> tag(ModelVersion version, String key) {
        return version.getTagsList().stream().filter(t -> t.getKey().equals(key)).map(ModelVersionTag::getValue)
                .findFirst().map(Double::parseDouble);
    }

    private static String filter(String name) {
        return "name = '" + name.replace("'", "\\'") + "'";
    }
}
