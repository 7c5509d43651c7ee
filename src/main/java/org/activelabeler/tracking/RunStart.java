package org.activelabeler.tracking;

import java.util.List;
import java.util.Map;

/**
 * Opens a run; its experiment is created when missing.
 *
 * @param parent the parent run, or {@code null} for a top-level run
 * @param adoptRunId the server's id of a run that exists already and becomes this run instead of a new
 *     one (the run {@code mlflow run} opened, from {@code MLFLOW_RUN_ID}), or {@code null}
 */
public record RunStart(RunRef run, RunRef parent, String runName, long startMillis, Map<String, String> params,
                       Map<String, String> tags, List<DatasetInput> inputs, String adoptRunId)
        implements TrackingEvent {
    public RunStart {
        params = Map.copyOf(params);
        tags = Map.copyOf(tags);
        inputs = List.copyOf(inputs);
    }
}
