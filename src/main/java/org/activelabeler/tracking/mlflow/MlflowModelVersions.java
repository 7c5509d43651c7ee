package org.activelabeler.tracking.mlflow;

import java.util.List;
import java.util.Optional;
import org.activelabeler.tracking.SharedFiles;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.activelabeler.tracking.ModelVersions;
import org.activelabeler.tracking.RegisteredVersion;
import org.activelabeler.tracking.TrackingException;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;

/** {@link ModelVersions} of an MLflow server: the registry REST API and the artifact proxy. */
public final class MlflowModelVersions implements ModelVersions {
    private final MlflowEndpoint endpoint;
    private final MlflowClient client;
    private final HttpClient http;

    public MlflowModelVersions(MlflowEndpoint endpoint) {
        this.endpoint = endpoint;
        this.client = endpoint.newClient();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public RegisteredVersion version(String model, String version) {
        ModelVersion found = call("Reading version " + version + " of the registered model '" + model + "'",
                () -> client.getModelVersion(model, version));
        Run run = call("Reading run " + found.getRunId() + " of '" + model + "' version " + version,
                () -> client.getRun(found.getRunId()));
        Map<String, String> params = new LinkedHashMap<>();
        for (Param param : run.getData().getParamsList()) {
            params.put(param.getKey(), param.getValue());
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (RunTag tag : run.getData().getTagsList()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        return new RegisteredVersion(model, found.getVersion(), found.getRunId(), run.getInfo().getArtifactUri(),
                params, tags);
    }

    @Override
    public RegisteredVersion alias(String model, String alias) {
        String body = call("Reading the alias '" + alias + "' of the registered model '" + model + "'",
                () -> client.sendGet("registered-models/alias?name=" + encode(model) + "&alias=" + encode(alias)));
        try {
            JsonObject version = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("model_version");
            return version(model, version.get("version").getAsString());
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw new TrackingException("The MLflow server at " + endpoint + " answered the alias '" + alias
                    + "' of '" + model + "' with something that is not a model version: " + body, e);
        }
    }

    @Override
    public String runArtifactUri(String runId) {
        return call("Reading run " + runId, () -> client.getRun(runId)).getInfo().getArtifactUri();
    }

    @Override
    public Optional<String> sharedPartUri(String sha256) {
        Optional<Experiment> experiment = call("Reading the experiment " + SharedFiles.EXPERIMENT,
                () -> client.getExperimentByName(SharedFiles.EXPERIMENT));
        if (experiment.isEmpty()) {
            return Optional.empty();
        }
        List<RunInfo> runs = call("Looking for the shared part " + sha256, () -> client.searchRuns(
                List.of(experiment.get().getExperimentId()), "tags.`" + SharedFiles.ADDRESS_TAG + "` = '" + sha256 + "'"));
        return runs.stream().filter(run -> run.getStatus() == RunStatus.FINISHED).map(RunInfo::getArtifactUri)
                .findFirst();
    }

    @Override
    public String address() {
        return endpoint.toString();
    }

    @Override
    public byte[] artifact(String artifactUri, String artifactPath) {
        String path = ArtifactUploader.proxyPath(endpoint, artifactUri, artifactPath);
        String what = "Downloading " + artifactPath + " of " + artifactUri + " from " + endpoint;
        try {
            HttpResponse<byte[]> response = http.send(endpoint.request(path).timeout(Duration.ofMinutes(5)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new TrackingException(what + " failed: HTTP " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new TrackingException(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackingException(what + " was interrupted", e);
        }
    }

    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (MlflowHttpException e) {
            String reason = e.getStatusCode() == 404 ? "it does not exist" : ServerAnswers.brief(e);
            throw new TrackingException(what + " from " + endpoint + " failed: " + reason, e);
        } catch (MlflowClientException e) {
            throw new TrackingException(what + " from " + endpoint + " failed: " + e.getMessage(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        client.close();
    }
}
