package org.activelabeler.tracking;

import java.util.List;

/** Metrics and files for an open run, sent as one batch. */
public record RunData(RunRef run, List<MetricPoint> metrics, List<ArtifactFile> artifacts) implements TrackingEvent {
    public RunData {
        metrics = List.copyOf(metrics);
        artifacts = List.copyOf(artifacts);
    }
}
