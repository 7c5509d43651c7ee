package org.activelabeler.tracking;

import org.activelabeler.modelpackage.LocalPart;
import org.activelabeler.modelpackage.ModelWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run of its own, for {@code train} and {@code evaluate}: start, metrics and files, optionally a
 * new version of a registered model, end. Only queues records; files wait in the staging folder.
 */
public final class TrackedRun {
    private final ExperimentTracker tracker;
    private final RunRef run;
    private final Path folder;

    public TrackedRun(ExperimentTracker tracker, String experiment, Path staging) {
        this.tracker = tracker;
        this.run = new RunRef(experiment, UUID.randomUUID().toString());
        this.folder = staging.resolve(run.key());
    }

    public RunRef ref() {
        return run;
    }

    /** Folder for this run's files until they are uploaded. */
    public Path folder() {
        return folder;
    }

    /** @param adoptRunId an existing run to log into (see {@link RunStart#adoptRunId}), or {@code null} */
    public void start(String runName, Map<String, String> params, Map<String, String> tags, List<DatasetInput> inputs,
                      String adoptRunId) {
        tracker.record(new RunStart(run, null, runName, System.currentTimeMillis(), params, tags, inputs,
                adoptRunId));
    }

    /** Writes {@code text} into the staging folder as the artifact {@code artifactPath}. */
    public ArtifactFile stage(String artifactPath, String text) {
        return file(StagedFiles.write(folder.resolve(artifactPath), text), artifactPath);
    }

    /** A file already in the staging folder, as the artifact {@code artifactPath}. */
    public ArtifactFile file(Path local, String artifactPath) {
        return new ArtifactFile(local.toAbsolutePath().toString(), artifactPath);
    }

    /**
     * Writes a model package under {@code artifactPath} of this run's staging folder and queues its shared
     * parts; returns its own files as artifacts, to {@link #log}.
     */
    public List<ArtifactFile> stageModel(ModelWriter writer, String artifactPath, Map<String, String> provenance) {
        Path model = folder.resolve(artifactPath);
        Map<String, String> withRun = new java.util.LinkedHashMap<>(provenance);
        withRun.put("run_key", run.key());
        withRun.put("experiment", run.experiment());
        for (LocalPart part : writer.write(model, withRun)) {
            tracker.record(SharedFiles.of(part));
        }
        return RoundRun.modelFiles(model, artifactPath);
    }

    public void log(List<MetricPoint> metrics, List<ArtifactFile> files) {
        tracker.record(new RunData(run, metrics, files));
    }

    /**
     * Registers the files under {@code artifactPath} as a new version of {@code modelName}. The
     * {@value ModelRegistration#CHAMPION} alias moves only among versions with a
     * {@value SimulationTracking#CHAMPION_METRIC} tag.
     */
    public void register(String modelName, String artifactPath, Map<String, String> versionTags) {
        tracker.record(new ModelRegistration(run, modelName, artifactPath, versionTags,
                SimulationTracking.CHAMPION_METRIC));
    }

    public void finish() {
        tracker.record(new RunEnd(run, RunEnd.FINISHED, System.currentTimeMillis()));
    }

    public void fail() {
        tracker.record(new RunEnd(run, RunEnd.FAILED, System.currentTimeMillis()));
    }
}
