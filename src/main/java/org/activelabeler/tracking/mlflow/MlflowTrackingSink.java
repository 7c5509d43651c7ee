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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.activelabeler.tracking.ArtifactFile;
import org.activelabeler.tracking.DatasetInput;
import org.activelabeler.tracking.MetricPoint;
import org.activelabeler.tracking.ModelRegistration;
import org.activelabeler.tracking.RunData;
import org.activelabeler.tracking.RunEnd;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.tracking.RunStart;
import org.activelabeler.tracking.SharedFiles;
import org.activelabeler.tracking.TrackingEvent;
import org.activelabeler.tracking.ServerUnavailableException;
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

    /** How long one record's REST calls may wait for the server before they are given up (seconds). */
    static final String CALL_TIMEOUT_PROPERTY = "activelabeler.mlflow.call-timeout-seconds";

    private final MlflowEndpoint endpoint;
    private final String target;
    private final HttpClient http;
    private final ArtifactUploader artifacts;
    private final ScheduledExecutorService watchdog;
    private final Duration callTimeout = Duration.ofSeconds(Long.getLong(CALL_TIMEOUT_PROPERTY, 60));
    private volatile MlflowClient client;
    private RunDirectory runs;
    private ModelRegistry registry;
    private volatile boolean hung;
    private boolean answered;
    private boolean closed;

    public MlflowTrackingSink(MlflowEndpoint endpoint) {
        this(endpoint, endpoint.toString());
    }

    /** @param target the name the outbox keeps for this server (see {@link TrackingSink#target()}) */
    public MlflowTrackingSink(MlflowEndpoint endpoint, String target) {
        this.endpoint = endpoint;
        this.target = target;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.artifacts = new ArtifactUploader(endpoint, http);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mlflow-call-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        connect();
    }

    /** A fresh Java client; the one before it was closed to free a call the server never answered. */
    private void connect() {
        client = endpoint.newClient();
        runs = new RunDirectory(client);
        registry = new ModelRegistry(client);
    }

    public MlflowEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String address() {
        return endpoint.toString();
    }

    @Override
    public String target() {
        return target;
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
            throw new ServerUnavailableException("The MLflow server at " + endpoint + " does not answer", null);
        }
        // The Java client sets no socket timeout: a server that accepts and never answers would hold
        // the tracking thread for good. The watchdog closes the client, which ends the blocked call.
        ScheduledFuture<?> deadline = watchdog.schedule(this::abandonCall, callTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            sendOnce(event);
            answered = true;
        } catch (RuntimeException e) {
            if (hung) {
                answered = false;
                throw new ServerUnavailableException(describe(event) + " got no answer from " + endpoint + " within "
                        + callTimeout.toSeconds() + " s; it is sent again later", e);
            }
            throw e;
        } finally {
            deadline.cancel(false);
            if (hung) {
                hung = false;
                connect();
            }
        }
    }

    private void abandonCall() {
        hung = true;
        client.close();
    }

    private void sendOnce(TrackingEvent event) {
        try {
            dispatch(event);
        } catch (MlflowHttpException e) {
            answered = false;
            String message = describe(event) + " failed at " + endpoint + ": " + ServerAnswers.brief(e);
            if (e.getStatusCode() >= 500 || e.getStatusCode() == 429) {
                throw new ServerUnavailableException(message, e);
            }
            throw new TrackingException(message, e);
        } catch (MlflowClientException e) {
            answered = false;
            throw new ServerUnavailableException(describe(event) + " failed at " + endpoint + ": " + e.getMessage(), e);
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
        } else if (event instanceof SharedFiles shared) {
            share(shared);
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

    /** Uploads a shared part unless its run is there and finished (it was uploaded whole before). */
    private void share(SharedFiles shared) {
        RunInfo info = runs.find(shared.run()).orElse(null);
        if (info != null && info.getStatus() == RunStatus.FINISHED) {
            return;
        }
        if (info == null) {
            info = client.createRun(CreateRun.newBuilder()
                    .setExperimentId(runs.experimentId(shared.run().experiment()))
                    .setRunName(shared.kind() + "-" + shared.sha256().substring(0, 12))
                    .setStartTime(System.currentTimeMillis())
                    .addTags(tag(RunRef.KEY_TAG, shared.run().key()))
                    .addTags(tag(SharedFiles.ADDRESS_TAG, shared.sha256()))
                    .addTags(tag(SharedFiles.KIND_TAG, shared.kind())).build());
            runs.remember(shared.run(), info);
        }
        for (ArtifactFile file : shared.files()) {
            artifacts.upload(info.getArtifactUri(), file);
        }
        client.setTerminated(info.getRunId(), RunStatus.FINISHED, System.currentTimeMillis());
        runs.remember(shared.run(), info.toBuilder().setStatus(RunStatus.FINISHED).build());
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
            throw new TrackingException("Looking up run " + runId + " at " + endpoint + " failed: "
                    + ServerAnswers.brief(e), e);
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
            watchdog.shutdownNow();
            client.close();
        }
    }
}
