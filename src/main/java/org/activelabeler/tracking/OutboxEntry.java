package org.activelabeler.tracking;

import java.util.stream.Collectors;

/**
 * A tracking record that waits to be sent; {@code seq} gives the order.
 *
 * @param target the server it was made for, or null when any server may take it
 */
public record OutboxEntry(long seq, TrackingEvent event, String target) {

    /** Whether this record may go to the server {@code target}. */
    public boolean isFor(String target) {
        return this.target == null || this.target.equals(target);
    }

    /** One line that says what the record is, for {@code sync} to show; never holds credentials. */
    public String describe() {
        return "record " + seq + ": " + what() + "; run key " + event.run().key() + ", experiment '"
                + event.run().experiment() + "'";
    }

    private String what() {
        if (event instanceof RunStart start) {
            return "start of run '" + start.runName() + "' (" + start.params().size() + " params, "
                    + start.tags().size() + " tags" + (start.parent() == null ? "" : ", child of run "
                    + start.parent().key()) + (start.adoptRunId() == null ? "" : ", into the existing run "
                    + start.adoptRunId()) + ")";
        }
        if (event instanceof RunData data) {
            return "data of a run: metrics " + data.metrics().stream().map(MetricPoint::key).distinct()
                    .collect(Collectors.joining(", ", "[", "]")) + ", files " + data.artifacts().stream()
                    .map(ArtifactFile::artifactPath).collect(Collectors.joining(", ", "[", "]"));
        }
        if (event instanceof ModelRegistration registration) {
            return "registration of the run's " + registration.artifactPath()
                    + " as a version of the registered model '" + registration.modelName() + "'";
        }
        if (event instanceof RunEnd end) {
            return "end of a run, status " + end.status();
        }
        if (event instanceof SharedFiles shared) {
            return "the shared " + shared.kind() + " files " + shared.sha256().substring(0, 12) + " ("
                    + shared.files().size() + " files)";
        }
        return event.getClass().getSimpleName();
    }
}
