package org.activelabeler.tracking;

import java.util.List;
import java.util.Map;

/**
 * Opens a run; its experiment is created when missing.
 *
 * @param parent the parent run, or {@code null} for a top-level run
 */
public record RunStart(RunRef run, RunRef parent, String runName, long startMillis, Map<String, String> params,
                       Map<String, String> tags, List<DatasetInput> inputs) implements TrackingEvent {
    public RunStart {
        params = Map.copyOf(params);
        tags = Map.copyOf(tags);
        inputs = List.copyOf(inputs);
    }
}
