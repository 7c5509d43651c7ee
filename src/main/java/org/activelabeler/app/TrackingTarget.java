package org.activelabeler.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.activelabeler.tracking.mlflow.MlflowEndpoint;
import org.activelabeler.tracking.mlflow.MlflowTrackingSink;

/**
 * Where tracking records go: the server of {@code --tracking-uri}, else of {@code MLFLOW_TRACKING_URI},
 * else a local server started with the {@code mlflow} found (see {@link MlflowExecutable}), else
 * nowhere (records wait in the outbox) with the reason. {@value #SWITCH}={@code off} (or the system
 * property {@value #SWITCH_PROPERTY}) never starts a local server; tests and CI set it.
 */
public final class TrackingTarget implements AutoCloseable {
    public static final String SWITCH = "ACTIVE_LABELER_TRACKING";
    public static final String SWITCH_PROPERTY = "active-labeler.tracking";
    /** The outbox target of the local server: its port changes from start to start, the server does not. */
    public static final String LOCAL = "the local MLflow server of this data folder";

    private final MlflowTrackingSink sink;
    private final LocalMlflowServer server;
    private final String offReason;

    private TrackingTarget(MlflowTrackingSink sink, LocalMlflowServer server, String offReason) {
        this.sink = sink;
        this.server = server;
        this.offReason = offReason;
    }

    /**
     * @param dataFolder the app's data folder (the database's folder); the local server's store is
     *     its subfolder {@value LocalMlflowServer#FOLDER}
     */
    public static TrackingTarget resolve(Path dataFolder, String trackingUri, Map<String, String> env) {
        String uri = trackingUri != null && !trackingUri.isBlank() ? trackingUri : env.get("MLFLOW_TRACKING_URI");
        if (uri != null && !uri.isBlank()) {
            return new TrackingTarget(new MlflowTrackingSink(MlflowEndpoint.of(uri, env)), null, null);
        }
        if (!autoStart(env)) {
            return new TrackingTarget(null, null, SWITCH + "=off, so no local MLflow server is started; set"
                    + " MLFLOW_TRACKING_URI (or --tracking-uri) to a running `mlflow server`, or unset " + SWITCH);
        }
        Optional<Path> mlflow = MlflowExecutable.find(env);
        if (mlflow.isEmpty()) {
            return new TrackingTarget(null, null, "no `mlflow` found (on the PATH, in .venv or "
                    + MlflowExecutable.ENV + "); run scripts/setup-mlflow.sh or `pip install mlflow`, or set"
                    + " MLFLOW_TRACKING_URI to a running `mlflow server`");
        }
        Path folder = dataFolder.resolve(LocalMlflowServer.FOLDER);
        LocalMlflowServer server;
        try {
            server = LocalMlflowServer.startOrReuse(mlflow.get(), folder);
        } catch (RuntimeException e) {
            return new TrackingTarget(null, null, "the local MLflow server (" + mlflow.get() + ") did not start: "
                    + firstLine(e.getMessage()) + "; set MLFLOW_TRACKING_URI to a running `mlflow server`");
        }
        try {
            return new TrackingTarget(new MlflowTrackingSink(MlflowEndpoint.of(server.uri(), env), LOCAL), server,
                    null);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Whether a local server may be started: {@value #SWITCH_PROPERTY}, else {@value #SWITCH}, default auto. */
    static boolean autoStart(Map<String, String> env) {
        String property = System.getProperty(SWITCH_PROPERTY);
        String value = property != null ? property : env.getOrDefault(SWITCH, "auto");
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "auto":
            case "":
                return true;
            case "off":
                return false;
            default:
                throw new IllegalArgumentException(SWITCH + " is '" + value + "'; use 'auto' (the default: start a"
                        + " local MLflow server when no tracking URI is set) or 'off'");
        }
    }

    /** The sink, or null when records only wait in the outbox. */
    public MlflowTrackingSink sink() {
        return sink;
    }

    /** Reads registered models from the server; the caller closes it. */
    public org.activelabeler.tracking.ModelVersions modelVersions() {
        if (sink == null) {
            throw new IllegalStateException("Reading a registered model needs an MLflow server, and there is none: "
                    + offReason);
        }
        return new org.activelabeler.tracking.mlflow.MlflowModelVersions(sink.endpoint());
    }

    /** The local server, or null when none is used. */
    public LocalMlflowServer server() {
        return server;
    }

    /** Why there is no sink, or null when there is one. */
    public String offReason() {
        return offReason;
    }

    /** Closes the sink and stops a local server this process started. */
    @Override
    public void close() {
        try {
            if (sink != null) {
                sink.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
