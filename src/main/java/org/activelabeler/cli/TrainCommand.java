package org.activelabeler.cli;

import org.activelabeler.app.AppVersion;
import org.activelabeler.app.ModelCacheFolder;
import org.activelabeler.app.ModelParts;
import org.activelabeler.features.FeatureLayout;
import org.activelabeler.modelpackage.ModelPackage;
import org.activelabeler.modelpackage.ModelWriter;
import org.activelabeler.tracking.ArtifactFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.activelabeler.labeling.LabelSource;
import org.activelabeler.app.RunDescriptions;
import org.activelabeler.app.TrackingSession;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.tracking.MetricPoint;
import org.activelabeler.tracking.ModelNames;
import org.activelabeler.tracking.LabelSnapshot;
import org.activelabeler.tracking.Sha256;
import org.activelabeler.tracking.SimulationTracking;
import org.activelabeler.tracking.TrackedRun;
import org.activelabeler.training.djl.NgramLogisticClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Train the model on every label of a dataset, log the run and register the model as a new"
                + " version of the registered model.")
final class TrainCommand implements Callable<Integer> {
    static final String LABEL_SOURCE_PARAM = "label_source";

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The dataset's CSV (imported when it is not in the database yet).")
    Path data;

    @Option(names = "--labels", defaultValue = TrainingInput.ANNOTATORS, paramLabel = "SOURCE",
            description = "annotators (the current labels given in the app) or gold (the file's own sentiment"
                    + " column) (default: ${DEFAULT-VALUE}).")
    String labels;

    @Option(names = "--seed", defaultValue = "13", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--registered-model", paramLabel = "NAME",
            description = "Registered model the model becomes a new version of (default: <dataset>-classifier).")
    String registeredModel;

    @Option(names = "--experiment", paramLabel = "NAME",
            description = "MLflow experiment for the run (default: the dataset's name).")
    String experimentName;

    @Mixin
    ColumnOptions columns;

    @Mixin
    DatabaseOption database;

    @Mixin
    TrackingOptions tracking;

    @Option(names = "--out", paramLabel = "FOLDER",
            description = "Also write the model as a folder that stands alone (for predict --model FOLDER, or to hand on).")
    Path out;

    @Override
    public Integer call() {
        TrainingInput.checkLabelSource(labels);
        Map<String, String> env = System.getenv();
        try (Workspace workspace = Workspace.open(database.location());
             TerminalProgress progress = new TerminalProgress()) {
            Corpus corpus = Corpora.load(workspace, data, columns, progress);
            String registeredModel = this.registeredModel != null ? this.registeredModel
                    : ModelNames.forDataset(corpus.dataset().name());
            TrainingInput input = TrainingInput.of(corpus, labels, TrainingInput.GOLD.equals(labels) ? Map.of()
                    : workspace.labels().currentLabels(corpus.dataset().id(), LabelSource.HUMAN));
            TrainingReport report;
            String experiment;
            TrackingSession session = TrackingSession.open(workspace, tracking.trackingUri, env);
            try (session; Classifier classifier = new NgramLogisticClassifier(
                    ClassifierSettings.builder().optSeed(seed).build(),
                    Corpora.featureParameters(workspace, input.pipeline().settings()))) {
                var adopted = session.mlflowRun(env);
                experiment = TrackingSession.experiment(adopted, experimentName, corpus.dataset().name());
                TrackedRun run = new TrackedRun(session.tracker(), experiment, session.staging());
                String snapshot = input.snapshot().toCsv();
                Map<String, String> tags = RunDescriptions.tags(classifier.description(), "train", adopted.isPresent());
                tags.put("dataset.sha256", corpus.dataset().contentSha256());
                tags.put("label_snapshot.sha256", Sha256.hex(snapshot));
                tags.put("annotator", labels);
                run.start("train-" + labels + "-" + input.snapshot().rows().length + "-labels", params(input,
                        classifier), tags, List.of(SimulationRunContext.input(corpus.dataset(), "training")),
                        adopted.map(TrackingSession.AdoptedRun::runId).orElse(null));
                try {
                    report = classifier.fit(input.features(), input.snapshot().classes(),
                            corpus.dataset().labels().size(), progress);
                    ModelPackage packages = new ModelPackage(workspace.tokenizer(), corpus.dataset().labels(),
                            AppVersion.get(), ModelCacheFolder.parts());
                    ModelWriter writer = packages.writer(classifier, input.pipeline(), FeatureLayout.TEXT, null);
                    Map<String, String> provenance = params(input, classifier);
                    provenance.put("registered_model", registeredModel);
                    List<ArtifactFile> files = new ArrayList<>(run.stageModel(writer, SimulationTracking.MODEL_PATH,
                            provenance));
                    files.add(run.stage(LabelSnapshot.FILE, snapshot));
                    run.log(metrics(report), files);
                    if (out != null) {
                        ModelPackage.copyStandalone(run.folder().resolve(SimulationTracking.MODEL_PATH),
                                ModelParts.local(), out);
                    }
                    run.register(registeredModel, SimulationTracking.MODEL_PATH, versionTags(input));
                } catch (RuntimeException e) {
                    run.fail();
                    throw e;
                }
                run.finish();
            }
            progress.close();
            System.out.printf(Locale.ROOT, "Trained %s on %d %s labels of dataset '%s' (%s) in %.1f s; it becomes a new"
                            + " version of the registered model '%s'.%n",
                    NgramLogisticClassifier.NAME, input.snapshot().rows().length, labels, corpus.dataset().name(),
                    Summaries.classCounts(input.snapshot()), report.millis() / 1000.0, registeredModel);
            System.out.println(session.summary(experiment));
            return 0;
        }
    }

    private Map<String, String> params(TrainingInput input, Classifier classifier) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("data", input.dataset().dataset().sourcePath());
        params.put(LABEL_SOURCE_PARAM, labels);
        params.put("label_count", Integer.toString(input.snapshot().rows().length));
        params.putAll(RunDescriptions.modelParams(classifier.description(), seed));
        return params;
    }

    private static List<MetricPoint> metrics(TrainingReport report) {
        long now = System.currentTimeMillis();
        List<MetricPoint> metrics = new ArrayList<>();
        List<Double> losses = report.trainLosses();
        for (int epoch = 0; epoch < losses.size(); epoch++) {
            metrics.add(new MetricPoint("train_loss", losses.get(epoch), epoch + 1, now));
        }
        if (!losses.isEmpty()) {
            metrics.add(new MetricPoint("train_loss_final", losses.get(losses.size() - 1), 0, now));
        }
        metrics.add(new MetricPoint("epochs_kept", report.epochsKept(), 0, now));
        metrics.add(new MetricPoint("train_ms", report.millis(), 0, now));
        if (Double.isFinite(report.validationAccuracy())) {
            metrics.add(new MetricPoint("validation_accuracy", report.validationAccuracy(), 0, now));
        }
        return metrics;
    }

    private Map<String, String> versionTags(TrainingInput input) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("labels", Integer.toString(input.snapshot().rows().length));
        tags.put(LABEL_SOURCE_PARAM, labels);
        tags.put("dataset.sha256", input.dataset().dataset().contentSha256());
        return tags;
    }
}
