package org.activelabeler.tracking.mlflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.tracking.TrackingException;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;

/**
 * Finds experiments by name and runs by the app's run key (the tag {@link RunRef#KEY_TAG}), so that a
 * record sent again finds the run the first try made instead of making another.
 */
final class RunDirectory {
    private final MlflowClient client;
    private final Map<String, String> experimentIds = new HashMap<>();
    private final Map<RunRef, RunInfo> runs = new HashMap<>();

    RunDirectory(MlflowClient client) {
        this.client = client;
    }

    String experimentId(String name) {
        String cached = experimentIds.get(name);
        if (cached != null) {
            return cached;
        }
        String id = existing(name).orElseGet(() -> create(name));
        experimentIds.put(name, id);
        return id;
    }

    /** Searched rather than fetched by name: a missing experiment is then an empty page, not an error. */
    private Optional<String> existing(String name) {
        return client.searchExperiments("name = '" + name.replace("'", "\\'") + "'").getItems().stream()
                .map(e -> e.getExperimentId()).findFirst();
    }

    private String create(String name) {
        try {
            return client.createExperiment(name);
        } catch (MlflowHttpException e) {
            // made meanwhile by another client
            return existing(name).orElseThrow(() -> e);
        }
    }

    Optional<RunInfo> find(RunRef run) {
        RunInfo cached = runs.get(run);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<RunInfo> found = client.searchRuns(List.of(experimentId(run.experiment())),
                "tags.`" + RunRef.KEY_TAG + "` = '" + run.key() + "'");
        if (found.size() > 1) {
            throw new TrackingException("Experiment '" + run.experiment() + "' has " + found.size()
                    + " runs with the key " + run.key() + "; delete all but one");
        }
        found.stream().findFirst().ifPresent(info -> runs.put(run, info));
        return found.stream().findFirst();
    }

    RunInfo require(RunRef run) {
        return find(run).orElseThrow(() -> new TrackingException("No run with the key " + run.key()
                + " in experiment '" + run.experiment() + "'; its start record was never sent"));
    }

    void remember(RunRef run, RunInfo info) {
        runs.put(run, info);
    }
}
