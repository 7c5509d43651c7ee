package org.activelabeler.tracking.mlflow;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.activelabeler.tracking.ArtifactFile;
import org.activelabeler.tracking.DatasetInput;
import org.activelabeler.tracking.MetricPoint;
import org.activelabeler.tracking.ModelRegistration;
import org.activelabeler.tracking.RunData;
import org.activelabeler.tracking.RunEnd;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.tracking.RunStart;
import org.activelabeler.tracking.TrackingEvent;
import org.activelabeler.tracking.TrackingException;
import org.activelabeler.tracking.TrackingSink;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;

/** Sends tracking records to an MLflow tracking server with the Java client, in batches. */
public final class MlflowTrackingSink implements TrackingSink {
    static final String PARENT_TAG = "mlflow.parentRunId";
    static final String RUN_NAME_TAG = "mlflow.runName";
    static final String CLASH_PREFIX = "active_labeler.";
    private static final int MAX_METRICS = 1000;
    private static final int MAX_PARAMS = 100;
    private static final int MAX_TAGS = 100;

    private final MlflowEndpoint endpoint;
    private final MlflowClient client;
    private final HttpClient http;
    private final RunDirectory runs;
    private final ArtifactUploader artifacts;
    private final ModelRegistry registry;
    private boolean answered;
    private boolean closed;

    public MlflowTrackingSink(MlflowEndpoint endpoint) {
        this.endpoint = endpoint;
        this.client = endpoint.newClient();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.runs = new RunDirectory(client);
        this.artifacts = new ArtifactUploader(endpoint, http);
        this.registry = new ModelRegistry(client);
    }

    public MlflowEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String address() {
        return endpoint.toString();
    }

    /** {@code <server>/#/experiments/<id>/runs/<id>} of a run this sink sent or can find. */
    @Override
    public Optional<String> runLink(RunRef run) {
        return runs.find(run).map(info -> endpoint.uri() + "/#/experiments/" + info.getExperimentId() + "/runs/"
                + info.getRunId());
    }

    @Override
    public boolean reachable() {
        try {
            HttpResponse<Void> response = http.send(endpoint.request("/health").timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void send(TrackingEvent event) {
        if (!answered && !reachable()) {
            throw new TrackingException("The MLflow server at " + endpoint + " does not answer");
        }
        try {
            dispatch(event);
            answered = true;
        } catch (MlflowHttpException e) {
            answered = false;
            throw new TrackingException(describe(event) + " failed at " + endpoint + ": HTTP " + e.getStatusCode()
                    + " " + e.getBodyMessage(), e);
        } catch (MlflowClientException e) {
            answered = false;
            throw new TrackingException(describe(event) + " failed at " + endpoint + ": " + e.getMessage(), e);
        } catch (TrackingException e) {
            answered = false;
            throw e;
        }
    }

    private void dispatch(TrackingEvent event) {
        if (event instanceof RunStart start) {
            start(start);
        } else if (event instanceof RunData data) {
            log(data);
        } else if (event instanceof ModelRegistration registration) {
            registry.register(registration, runs.require(registration.run()));
        } else if (event instanceof RunEnd end) {
            client.setTerminated(runs.require(end.run()).getRunId(), RunStatus.valueOf(end.status()), end.endMillis());
        } else {
            throw new IllegalArgumentException("Unknown tracking record " + event);
        }
    }

    private void start(RunStart start) {
        RunInfo info = runs.find(start.run()).orElse(null);
        Map<String, String> existingParams = Map.of();
        if (info == null && start.adoptRunId() != null) {
            Run adopted = client.getRun(start.adoptRunId());
            info = adopted.getInfo();
            client.setTag(info.getRunId(), RunRef.KEY_TAG, start.run().key());
            runs.remember(start.run(), info);
        }
        if (start.adoptRunId() != null) {
            existingParams = client.getRun(info.getRunId()).getData().getParamsList().stream()
                    .collect(Collectors.toMap(Param::getKey, Param::getValue));
        }
        if (info == null) {
            CreateRun.Builder request = CreateRun.newBuilder()
                    .setExperimentId(runs.experimentId(start.run().experiment()))
                    .setRunName(start.runName()).setStartTime(start.startMillis())
                    .addTags(tag(RunRef.KEY_TAG, start.run().key()));
            if (start.parent() != null) {
                request.addTags(tag(PARENT_TAG, runs.require(start.parent()).getRunId()));
            }
            info = client.createRun(request.build());
            runs.remember(start.run(), info);
        }
        List<Param> params = withoutClashes(start.params(), existingParams).entrySet().stream()
                .map(p -> Param.newBuilder().setKey(p.getKey()).setValue(p.getValue()).build()).toList();
        List<RunTag> tags = start.tags().entrySet().stream().map(t -> tag(t.getKey(), t.getValue())).toList();
        for (int i = 0; i < Math.max(params.size(), tags.size()); i += MAX_PARAMS) {
            client.logBatch(info.getRunId(), List.of(), slice(params, i, MAX_PARAMS), slice(tags, i, MAX_TAGS));
        }
        if (!start.inputs().isEmpty()) {
            client.sendPost("runs/log-inputs", inputs(info.getRunId(), start.inputs()));
        }
    }

    private void log(RunData data) {
        RunInfo info = runs.require(data.run());
        List<Metric> metrics = new ArrayList<>();
        for (MetricPoint m : data.metrics()) {
            metrics.add(Metric.newBuilder().setKey(m.key()).setValue(m.value()).setStep(m.step())
                    .setTimestamp(m.timestamp()).build());
        }
        for (int i = 0; i < metrics.size(); i += MAX_METRICS) {
            client.logBatch(info.getRunId(), slice(metrics, i, MAX_METRICS), List.of(), List.of());
        }
        for (ArtifactFile file : data.artifacts()) {
            artifacts.upload(info.getArtifactUri(), file);
        }
    }

    /**
     * The params to log into a run that has {@code existing} already: MLflow keeps a param's first
     * value, so a param it has with the same value is left out, and one it has with another value
     * (for example {@code mlflow run}'s {@code holdout=""}) is logged as {@code active_labeler.<key>}.
     */
    static Map<String, String> withoutClashes(Map<String, String> params, Map<String, String> existing) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> param : params.entrySet()) {
            String before = existing.get(param.getKey());
            if (before == null) {
                result.put(param.getKey(), param.getValue());
            } else if (!before.equals(param.getValue())) {
                result.put(CLASH_PREFIX + param.getKey(), param.getValue());
            }
        }
        return result;
    }

    /** The name of the experiment a run is in; throws {@link TrackingException} when the server cannot say. */
    public String experimentOfRun(String runId) {
        try {
            String experimentId = client.getRun(runId).getInfo().getExperimentId();
            return client.getExperiment(experimentId).getName();
        } catch (MlflowHttpException e) {
            throw new TrackingException("Looking up run " + runId + " at " + endpoint + " failed: HTTP "
                    + e.getStatusCode() + " " + e.getBodyMessage(), e);
        } catch (MlflowClientException e) {
            throw new TrackingException("Looking up run " + runId + " at " + endpoint + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static String inputs(String runId, List<DatasetInput> inputs) {
        JsonArray datasets = new JsonArray();
        for (DatasetInput input : inputs) {
            JsonObject dataset = new JsonObject();
            dataset.addProperty("name", input.name());
            dataset.addProperty("digest", input.digest());
            dataset.addProperty("source_type", input.sourceType());
            dataset.addProperty("source", input.source());
            JsonObject context = new JsonObject();
            context.addProperty("key", "mlflow.data.context");
            context.addProperty("value", input.context());
            JsonArray tags = new JsonArray();
            tags.add(context);
            JsonObject entry = new JsonObject();
            entry.add("tags", tags);
            entry.add("dataset", dataset);
            datasets.add(entry);
        }
        JsonObject body = new JsonObject();
        body.addProperty("run_id", runId);
        body.add("datasets", datasets);
        return body.toString();
    }

    private static RunTag tag(String key, String value) {
        return RunTag.newBuilder().setKey(key).setValue(value).build();
    }

    private static <T> List<T> slice(List<T> list, int from, int size) {
        return from >= list.size() ? List.of() : list.subList(from, Math.min(list.size(), from + size));
    }

    private static String describe(TrackingEvent event) {
        String kind = event.getClass().getSimpleName();
        return kind + " of run " + event.run().key() + " (experiment '" + event.run().experiment() + "')";
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            client.close();
        }
    }
}
