package org.activelabeler.tracking;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activelabeler.dataset.LabelSet;

/**
 * What every run of one session or simulate invocation shares.
 *
 * @param experiment MLflow experiment name
 * @param registeredModel the registered model each round's model becomes a version of
 * @param runName name of the parent run
 * @param params parameters of the parent run, inherited by each round's run
 * @param tags tags of every run (versions, git commit, dataset digest, device, annotator)
 * @param inputs datasets the runs use
 * @param staging folder for files that wait to be uploaded
 * @param adoptRunId an existing run to use as the parent run (see {@link RunStart#adoptRunId}), or {@code null}
 * @param labels the classes the models predict, for per-class figures and files
 */
public record RunContext(String experiment, String registeredModel, String runName, Map<String, String> params,
                         Map<String, String> tags, List<DatasetInput> inputs, Path staging, String adoptRunId,
                         LabelSet labels) {
    public RunContext {
        params = Map.copyOf(params);
        tags = Map.copyOf(tags);
        inputs = List.copyOf(inputs);
    }
}
