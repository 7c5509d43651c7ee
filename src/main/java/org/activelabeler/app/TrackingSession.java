package org.activelabeler.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.activelabeler.tracking.AsyncTracker;
import org.activelabeler.tracking.ExperimentTracker;
import org.activelabeler.tracking.ModelVersions;
import org.activelabeler.tracking.TrackingException;
import org.activelabeler.tracking.TrackingOutbox;
import org.activelabeler.tracking.mlflow.MlflowModelVersions;

/**
 * Tracking for one command: the MLflow server of {@link TrackingTarget}, with the outbox in the
 * workspace's database. Files that wait to be uploaded are kept in the data folder until nothing
 * waits. A local server this command started is stopped when the session closes.
 */
public final class TrackingSession implements AutoCloseable {
    public static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(2);
    public static final String STAGING_FOLDER = "tracking-files";
    /** Set by {@code mlflow run}: the run it opened for the command it runs. */
    public static final String MLFLOW_RUN_ID = "MLFLOW_RUN_ID";

    private final TrackingOutbox outbox;
    private final TrackingTarget target;
    private final Path staging;
    private final AsyncTracker tracker;

    private TrackingSession(TrackingOutbox outbox, TrackingTarget target, Path staging) {
        this.outbox = outbox;
        this.target = target;
        this.staging = staging;
        this.tracker = new AsyncTracker(target.sink(), outbox, CLOSE_TIMEOUT);
    }

    public static TrackingSession open(Workspace workspace, String trackingUri, Map<String, String> env) {
        TrackingTarget target = TrackingTarget.resolve(workspace.folder(), trackingUri, env);
        return new TrackingSession(workspace.trackingOutbox(), target, workspace.folder().resolve(STAGING_FOLDER));
    }

    /**
     * The run {@code mlflow run} opened ({@value #MLFLOW_RUN_ID}) and its experiment, to log into
     * rather than open a run of our own; empty when the variable is not set. When the server cannot
     * say which experiment the run is in, says so on stderr and returns empty.
     */
    public Optional<AdoptedRun> mlflowRun(Map<String, String> env) {
        String runId = env.get(MLFLOW_RUN_ID);
        if (runId == null || runId.isBlank()) {
            return Optional.empty();
        }
        if (target.sink() == null) {
            System.err.println(MLFLOW_RUN_ID + " is " + runId + " but no tracking server is set (" + target.offReason()
                    + "); the runs get a parent run of their own");
            return Optional.empty();
        }
        try {
            return Optional.of(new AdoptedRun(runId, target.sink().experimentOfRun(runId)));
        } catch (TrackingException e) {
            System.err.println(MLFLOW_RUN_ID + " is " + runId + " but its experiment is unknown (" + e.getMessage()
                    + "); the runs get a parent run of their own");
            return Optional.empty();
        }
    }

    /**
     * The experiment for the runs: the one of the run {@code mlflow run} opened when there is one
     * (its runs must stay together; a different {@code requested} is then reported on stderr), else
     * {@code requested}, else {@code defaultName}.
     */
    public static String experiment(Optional<AdoptedRun> adopted, String requested, String defaultName) {
        boolean given = requested != null && !requested.isBlank();
        if (adopted.isPresent()) {
            String theirs = adopted.get().experiment();
            if (given && !requested.equals(theirs)) {
                System.err.println("--experiment " + requested + " is not used: the run " + adopted.get().runId()
                        + " that `mlflow run` opened is in the experiment '" + theirs + "', and the runs go there;"
                        + " give `mlflow run --experiment-name " + requested + "` instead");
            }
            return theirs;
        }
        return given ? requested : defaultName;
    }

    /** A run opened by {@code mlflow run}, and the name of its experiment. */
    public record AdoptedRun(String runId, String experiment) {
    }

    /** Reads registered models from the server; the caller closes it. */
    public ModelVersions modelVersions() {
        if (target.sink() == null) {
            throw new IllegalStateException("Reading a registered model needs an MLflow server, and there is none: "
                    + target.offReason());
        }
        return new MlflowModelVersions(target.sink().endpoint());
    }

    /** Hears the browser address of each run the server took (see {@link AsyncTracker#onRunLink}). */
    public void onRunLink(java.util.function.BiConsumer<org.activelabeler.tracking.RunRef, String> listener) {
        tracker.onRunLink(listener);
    }

    /** The server's address, or empty when records only wait in the outbox. */
    public Optional<String> address() {
        return target.sink() == null ? Optional.empty() : Optional.of(target.sink().address());
    }

    /** Records that wait in the outbox. */
    public int waiting() {
        return outbox.count();
    }

    public ExperimentTracker tracker() {
        return tracker;
    }

    public Path staging() {
        return staging;
    }

    /** One line on where the runs went, or how many records wait and how to send them. */
    public String summary(String experiment) {
        int waiting = outbox.count();
        if (target.sink() == null) {
            return "tracking is off: " + waiting + " records wait in the outbox; " + target.offReason()
                    + "; then `active-labeler sync` sends them";
        }
        String address = target.sink().address();
        if (waiting > 0) {
            return "tracking: " + waiting + " records wait in the outbox because the MLflow server " + address
                    + " did not take them; `active-labeler sync` sends them";
        }
        LocalMlflowServer server = target.server();
        if (server != null && server.started()) {
            return "tracking: experiment '" + experiment + "' in the local MLflow store " + server.folder()
                    + " (its server " + address + " stopped with this command; `active-labeler tracking-server`"
                    + " serves it to see the runs)";
        }
        return "tracking: experiment '" + experiment + "' on the MLflow server " + address
                + " (open that address to see the runs)";
    }

    @Override
    public void close() {
        try {
            tracker.close();
            deleteFilesIfSent(staging, outbox);
        } finally {
            target.close();
        }
    }

    /** Deletes the files that waited for upload once the outbox is empty. */
    public static void deleteFilesIfSent(Workspace workspace) {
        deleteFilesIfSent(workspace.folder().resolve(STAGING_FOLDER), workspace.trackingOutbox());
    }

    private static void deleteFilesIfSent(Path staging, TrackingOutbox outbox) {
        if (outbox.count() == 0) {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the uploaded tracking files in " + folder, e);
        }
    }
}
