package org.activelabeler.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.features.FeatureBlocks;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.features.FeatureSettings;
import org.activelabeler.model.ModelDescription;
import org.activelabeler.progress.Progress;
import org.activelabeler.simulation.ExperimentData;
import org.activelabeler.simulation.LabeledRows;
import org.activelabeler.tracking.ModelVersions;
import org.activelabeler.tracking.RegisteredVersion;
import org.activelabeler.tracking.LabelSnapshot;
import org.activelabeler.tracking.Sha256;
import org.activelabeler.tracking.SimulationTracking;

/**
 * Rebuilds what a registered version's model was trained on from its run's provenance: the dataset
 * (by content digest, from this database), the label snapshot the run logged, the seed and the
 * settings. Training is deterministic on the CPU, so fitting again gives the registered weights;
 * {@link #requireSameWeights} checks that it did. (The classifier cannot load a saved model yet.)
 */
final class VersionReplay {
    static final String MODEL_FILE = SimulationTracking.MODEL_PATH + "/model.safetensors";
    private static final String CARVED_HOLDOUT = "10% of the pool";

    private VersionReplay() {
    }

    /** @param seed the seed the model was trained with */
    record Plan(TrainingInput input, long seed) {
    }

    static Plan plan(Workspace workspace, RegisteredVersion version, ModelVersions versions, Progress progress) {
        String snapshotText = new String(versions.artifact(version, LabelSnapshot.FILE), StandardCharsets.UTF_8);
        String recordedDigest = version.tags().get("label_snapshot.sha256");
        if (recordedDigest != null && !recordedDigest.equals(Sha256.hex(snapshotText))) {
            throw new IllegalStateException("The label snapshot of " + version.label() + " does not match the"
                    + " digest its run recorded (label_snapshot.sha256); it cannot be retrained faithfully");
        }
        long seed = Long.parseLong(require(version, "seed"));
        Corpus dataset = dataset(workspace, version, require(version, "data"), version.tags().get("dataset.sha256"),
                progress);
        String labelSource = param(version, TrainCommand.LABEL_SOURCE_PARAM);
        if (labelSource != null) {
            LabelSnapshot snapshot = LabelSnapshot.parse(snapshotText, dataset.size(), LabelSnapshot.FILE,
                    dataset.dataset().labels());
            return new Plan(TrainingInput.fromSnapshot(dataset, snapshot, labelSource), seed);
        }
        if (param(version, "round") != null) {
            String blocks = param(version, "feature_blocks");
            if (blocks != null && FeatureBlocks.parse(blocks).embeddings()) {
                throw new IllegalStateException(version.label() + " was trained with sentence embeddings (feature_blocks "
                        + blocks + "), which --retrain cannot rebuild yet; evaluate it without --retrain (it is loaded as"
                        + " registered), or check a version that simulate trained with --features tfidf,lsa");
            }
            if ("true".equals(param(version, TrainingReport.WARM_START_PARAM))) {
                throw new IllegalStateException(version.label() + " was trained in a round that went on from the round"
                        + " before's weights (" + TrainingReport.WARM_START_PARAM + " true), which its label snapshot"
                        + " alone cannot rebuild; evaluate it without --retrain (it is loaded as registered), or"
                        + " simulate with -Dactivelabeler.warm.epochs=0 for versions that --retrain can check");
            }
            String holdoutParam = require(version, "holdout");
            Corpus holdout = CARVED_HOLDOUT.equals(holdoutParam) ? null
                    : dataset(workspace, version, holdoutParam, version.tags().get("holdout.sha256"), progress);
            ExperimentData experiment = ExperimentData.of(dataset, holdout, FeatureSettings.DEFAULT, seed);
            LabelSnapshot snapshot = LabelSnapshot.parse(snapshotText, experiment.pool().size(), LabelSnapshot.FILE,
                    experiment.labels());
            LabeledRows labeled = experiment.pool().select(snapshot.rows());
            if (!java.util.Arrays.equals(labeled.gold(), snapshot.classes())) {
                throw new IllegalStateException("The label snapshot of " + version.label() + " does not match the"
                        + " gold labels of dataset '" + dataset.dataset().name() + "'; it cannot be retrained");
            }
            return new Plan(new TrainingInput(dataset, experiment.pipeline(), labeled.features(), snapshot,
                    TrainingInput.GOLD), seed);
        }
        throw new IllegalStateException(version.label() + " was not logged by `active-labeler train` or `simulate`"
                + " (its run has neither the param '" + TrainCommand.LABEL_SOURCE_PARAM + "' nor 'round')");
    }

    /** Fails unless the model about to be fitted has the settings the version's run recorded. */
    static void requireSameSettings(RegisteredVersion version, ModelDescription model) {
        List<String> differences = new ArrayList<>();
        if (!model.name().equals(param(version, "model"))) {
            differences.add("model " + param(version, "model") + " vs " + model.name());
        }
        model.hyperparameters().forEach((key, value) -> {
            String recorded = param(version, key);
            if (recorded != null && !recorded.equals(value)) {
                differences.add(key + " " + recorded + " vs " + value);
            }
        });
        if (!differences.isEmpty()) {
            throw new IllegalStateException(version.label() + " was trained with other settings than this build"
                    + " uses (recorded vs now: " + String.join("; ", differences) + "); it cannot be retrained"
                    + " faithfully");
        }
    }

    /** The SHA-256 of the registered model file, after checking that {@code retrained} has the same bytes. */
    static String requireSameWeights(RegisteredVersion version, ModelVersions versions, Path retrained) {
        String registered = Sha256.hex(versions.artifact(version, MODEL_FILE));
        String ours;
        try {
            ours = Sha256.hex(Files.readAllBytes(retrained));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the retrained model " + retrained, e);
        }
        if (!registered.equals(ours)) {
            throw new IllegalStateException("Retraining " + version.label() + " from its provenance gave other"
                    + " weights than its registered " + MODEL_FILE + " (sha256 " + ours + " vs " + registered
                    + "), so its evaluation would not be the registered model's; was it trained on a GPU?");
        }
        return registered;
    }

    private static Corpus dataset(Workspace workspace, RegisteredVersion version, String recordedPath, String digest,
                                  Progress progress) {
        if (digest == null) {
            throw new IllegalStateException("The run of " + version.label() + " recorded no dataset digest for "
                    + recordedPath);
        }
        Optional<DatasetInfo> stored = workspace.datasets().findByContent(digest);
        if (stored.isPresent()) {
            return workspace.datasets().loadCorpus(stored.get().id(), progress);
        }
        Path file = Path.of(recordedPath);
        if (Files.isRegularFile(file)) {
            Corpus corpus = Corpora.load(workspace, file, progress);
            if (digest.equals(corpus.dataset().contentSha256())) {
                return corpus;
            }
            throw new IllegalStateException(version.label() + " was trained on " + recordedPath + " as it was then"
                    + " (sha256 " + digest + "); that file has changed since, and this database has no copy");
        }
        throw new IllegalStateException(version.label() + " was trained on " + recordedPath + " (sha256 " + digest
                + "), which is neither in this database nor on this machine; import it first");
    }

    /**
     * A param of the version's run; the value under {@code active_labeler.<name>} wins, which is where
     * a value goes that clashed with one {@code mlflow run} logged first.
     */
    static String param(RegisteredVersion version, String name) {
        String ours = version.params().get("active_labeler." + name);
        return ours != null ? ours : version.params().get(name);
    }

    private static String require(RegisteredVersion version, String param) {
        String value = param(version, param);
        if (value == null) {
            throw new IllegalStateException("The run of " + version.label() + " has no param '" + param + "'");
        }
        return value;
    }
}
