package org.activelabeler.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.activelabeler.store.h2.H2TrackingOutbox;
import org.activelabeler.tracking.AsyncTracker;
import org.activelabeler.tracking.ExperimentTracker;
import org.activelabeler.tracking.TrackingOutbox;
import org.activelabeler.tracking.TrackingSink;
import org.activelabeler.tracking.mlflow.MlflowEndpoint;
import org.activelabeler.tracking.mlflow.MlflowTrackingSink;

/**
 * Tracking for one command: the MLflow server named by {@code --tracking-uri} or
 * {@code MLFLOW_TRACKING_URI}, else none, with the outbox in the workspace's database. Files that
 * wait to be uploaded are kept in the data folder until nothing waits.
 */
public final class TrackingSession implements AutoCloseable {
    public static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(2);
    public static final String STAGING_FOLDER = "tracking-files";

    private final TrackingOutbox outbox;
    private final String address;
    private final Path staging;
    private final AsyncTracker tracker;

    private TrackingSession(TrackingOutbox outbox, TrackingSink sink, Path staging) {
        this.outbox = outbox;
        this.address = sink == null ? null : sink.address();
        this.staging = staging;
        this.tracker = new AsyncTracker(sink, outbox, CLOSE_TIMEOUT);
    }

    public static TrackingSession open(Workspace workspace, String trackingUri, Map<String, String> env) {
        TrackingSink sink = sink(trackingUri, env);
        return new TrackingSession(workspace.trackingOutbox(), sink, workspace.folder().resolve(STAGING_FOLDER));
    }

    /** The sink for {@code --tracking-uri}, else {@code MLFLOW_TRACKING_URI}; null when neither is set. */
    public static TrackingSink sink(String trackingUri, Map<String, String> env) {
        String uri = trackingUri != null && !trackingUri.isBlank() ? trackingUri : env.get("MLFLOW_TRACKING_URI");
        if (uri == null || uri.isBlank()) {
            return null;
        }
        return new MlflowTrackingSink(MlflowEndpoint.of(uri, env));
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
        if (address != null && waiting == 0) {
            return "tracking: experiment '" + experiment + "' on the MLflow server " + address
                    + " (open that address to see the runs)";
        }
        if (address != null) {
            return "tracking: " + waiting + " records wait in the outbox because the MLflow server " + address
                    + " did not take them; `active-labeler sync` sends them";
        }
        return "tracking is off: " + waiting + " records wait in the outbox; set MLFLOW_TRACKING_URI (or"
                + " --tracking-uri) to a running `mlflow server`, then `active-labeler sync` sends them";
    }

    @Override
    public void close() {
        tracker.close();
        deleteFilesIfSent(staging, outbox);
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
