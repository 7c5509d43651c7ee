package org.activelabeler.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.stream.Stream;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.activelabeler.modelpackage.LocalPart;
import org.activelabeler.modelpackage.ModelWriter;
import org.activelabeler.simulation.RoundResult;

/**
 * The child run of one round, for {@code simulate} and the desktop app alike: params, tags, metrics
 * (step = labels), model, label snapshot and confusion matrix, a model version, and the round's
 * metrics on the parent run too. Writes small local files and queues records; never waits on a server.
 */
final class RoundRun {
    private RoundRun() {
    }

    /**
     * @param snapshot the labels the model was trained on, as {@code label_snapshot.csv}
     * @param roundParams params of this round besides the context's, {@code labels} and {@code round}
     */
    static RunRef record(ExperimentTracker tracker, RunContext context, RunRef parent, ModelWriter modelWriter,
                         RoundResult round, String snapshot, Map<String, String> roundParams) {
        long now = System.currentTimeMillis();
        RunRef child = new RunRef(context.experiment(), UUID.randomUUID().toString());
        Path folder = context.staging().resolve(child.key());
        String model = SimulationTracking.MODEL_PATH;
        Map<String, String> params = new LinkedHashMap<>(context.params());
        params.putAll(roundParams);
        params.put("labels", Integer.toString(round.labels()));
        params.put("round", Integer.toString(round.round()));
        if (round.training() != null) {
            params.put(org.activelabeler.model.TrainingReport.WARM_START_PARAM, Boolean.toString(round.training().warmStart()));
        }
        Map<String, String> provenance = new LinkedHashMap<>(params);
        provenance.put("run_key", child.key());
        provenance.put("experiment", context.experiment());
        provenance.put("registered_model", context.registeredModel());
        List<LocalPart> parts = modelWriter.write(folder.resolve(model), provenance);
        List<ArtifactFile> files = new ArrayList<>(modelFiles(folder.resolve(model), model));
        files.add(artifact(StagedFiles.write(folder.resolve("label_snapshot.csv"), snapshot), "label_snapshot.csv"));
        if (round.metrics() != null) {
            files.add(artifact(StagedFiles.write(folder.resolve("confusion_matrix.csv"),
                    StagedFiles.confusionMatrix(round.confusion(), context.labels())), "confusion_matrix.csv"));
            files.add(artifact(ConfusionMatrixPlot.write(round.confusion(), context.labels(),
                    folder.resolve("confusion_matrix.png")), "confusion_matrix.png"));
            files.add(artifact(StagedFiles.write(folder.resolve("per_class_metrics.csv"),
                    StagedFiles.perClassMetrics(round.metrics(), context.labels())), "per_class_metrics.csv"));
        }

        Map<String, String> tags = new LinkedHashMap<>(context.tags());
        tags.put("label_snapshot.sha256", Sha256.hex(snapshot));
        for (LocalPart part : parts) {
            tags.put("model." + part.part().kind() + "_part", part.part().sha256());
        }
        List<MetricPoint> roundMetrics = RoundMetrics.of(round, context.labels(), now);
        List<MetricPoint> childMetrics = new ArrayList<>(roundMetrics);
        childMetrics.addAll(RoundMetrics.epochLosses(round, now));

        for (LocalPart part : parts) {
            tracker.record(SharedFiles.of(part));
        }
        long start = now - round.trainMillis() - round.scoreMillis();
        tracker.record(new RunStart(child, parent, "round-" + round.round() + "-labels-" + round.labels(), start,
                params, tags, context.inputs(), null));
        tracker.record(new RunData(child, childMetrics, files));
        tracker.record(new ModelRegistration(child, context.registeredModel(), model,
                RoundMetrics.versionTags(round), SimulationTracking.CHAMPION_METRIC));
        tracker.record(new RunEnd(child, RunEnd.FINISHED, now));
        tracker.record(new RunData(parent, roundMetrics, List.of()));
        return child;
    }

    static List<ArtifactFile> modelFiles(Path folder, String artifactFolder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(f -> artifact(f, artifactFolder + "/" + f.getFileName())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the saved model in " + folder, e);
        }
    }

    static ArtifactFile artifact(Path file, String artifactPath) {
        return new ArtifactFile(file.toAbsolutePath().toString(), artifactPath);
    }
}
