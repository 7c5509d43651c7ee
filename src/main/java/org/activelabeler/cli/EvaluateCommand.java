package org.activelabeler.cli;

import java.nio.file.Path;
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
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.evaluation.ClassMetrics;
import org.activelabeler.model.Predictions;
import org.activelabeler.simulation.ExperimentData;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.tracking.MetricPoint;
import org.activelabeler.tracking.ModelRegistration;
import org.activelabeler.tracking.ModelVersions;
import org.activelabeler.tracking.RegisteredVersion;
import org.activelabeler.tracking.SimulationTracking;
import org.activelabeler.tracking.StagedFiles;
import org.activelabeler.tracking.TrackedRun;
import org.activelabeler.training.djl.NgramLogisticClassifier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Evaluate a model on a labeled CSV and log accuracy, macro-F1 and the confusion matrix to a run.",
            "The model of a registered version is retrained from its run's provenance (dataset, label snapshot,"
                    + " seed, settings; deterministic on the CPU) and must come out byte-identical to the"
                    + " registered model.safetensors, or the command fails."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Labeled CSV to evaluate on (imported when needed).")
    Path data;

    @ArgGroup(exclusive = true)
    Which which;

    static final class Which {
        @Option(names = "--model-version", paramLabel = "N", description = "A version of the registered model.")
        String version;

        @Option(names = "--alias", paramLabel = "NAME",
                description = "An alias of the registered model (default, without any of these three: champion).")
        String alias;

        @Option(names = "--labels-of", paramLabel = "FILE",
                description = "No registered model: train now on the labels of this dataset (see --labels).")
        Path labelsOf;
    }

    @Option(names = "--labels", defaultValue = TrainingInput.ANNOTATORS, paramLabel = "SOURCE",
            description = "With --labels-of: annotators or gold (default: ${DEFAULT-VALUE}).")
    String labels;

    @Option(names = "--seed", defaultValue = "13", description = "With --labels-of: random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--registered-model", paramLabel = "NAME",
            description = "Registered model of --model-version or --alias (the one train or simulate named;"
                    + " by default <training dataset>-classifier).")
    String registeredModel;

    @Option(names = "--experiment", paramLabel = "NAME",
            description = "MLflow experiment for the run (default: the evaluation dataset's name).")
    String experimentName;

    @Mixin
    ColumnOptions columns;

    @Mixin
    DatabaseOption database;

    @Mixin
    TrackingOptions tracking;

    @Override
    public Integer call() {
        TrainingInput.checkLabelSource(labels);
        Map<String, String> env = System.getenv();
        try (Workspace workspace = Workspace.open(database.folder);
             TerminalProgress progress = new TerminalProgress()) {
            Corpus test = Corpora.load(workspace, data, columns, progress);
            if (!test.fullyLabeled()) {
                throw new IllegalArgumentException(data + " has reviews without a sentiment; evaluate needs a file"
                        + " with a 'sentiment' column filled for every review");
            }
            TrackingSession session = TrackingSession.open(workspace, tracking.trackingUri, env);
            String experiment;
            String modelLine;
            ClassMetrics metrics;
            LabelSet labels;
            try (session) {
                Map<String, String> params = new LinkedHashMap<>();
                Map<String, String> tags = new LinkedHashMap<>();
                ModelUnderTest model = trainModel(workspace, session, progress, params, tags);
                try (Classifier classifier = model.classifier()) {
                    labels = model.input().dataset().dataset().labels();
                    Predictions scores = classifier.predict(model.input().pipeline().transform(test.tokenIds()));
                    metrics = ClassMetrics.of(scores, ExperimentData.inClassesOf(test, labels));
                }
                modelLine = model.description();
                var adopted = session.mlflowRun(env);
                experiment = TrackingSession.experiment(adopted, experimentName, test.dataset().name());
                params.put("data", test.dataset().sourcePath());
                tags.put("dataset.sha256", test.dataset().contentSha256());
                tags.put("training_dataset.sha256", model.input().dataset().dataset().contentSha256());
                tags.putAll(RunDescriptions.tags(model.describedBy(), "evaluate", adopted.isPresent()));
                TrackedRun run = new TrackedRun(session.tracker(), experiment, session.staging());
                run.start("evaluate-" + model.shortName(), params, tags,
                        List.of(SimulationRunContext.input(test.dataset(), "evaluation"),
                                SimulationRunContext.input(model.input().dataset().dataset(), "training")),
                        adopted.map(TrackingSession.AdoptedRun::runId).orElse(null));
                long now = System.currentTimeMillis();
                run.log(List.of(new MetricPoint("accuracy", metrics.accuracy(), 0, now),
                                new MetricPoint("macro_f1", metrics.macroF1(), 0, now)),
                        List.of(run.stage("confusion_matrix.csv", StagedFiles.confusionMatrix(metrics.confusion(), labels)),
                                run.stage("per_class_metrics.csv", StagedFiles.perClassMetrics(metrics, labels))));
                run.finish();
            }
            progress.close();
            System.out.printf(Locale.ROOT, "%s on dataset '%s' (%d reviews): accuracy %.4f, macro-F1 %.4f%n",
                    modelLine, test.dataset().name(), test.size(), metrics.accuracy(), metrics.macroF1());
            System.out.print(StagedFiles.confusionMatrix(metrics.confusion(), labels));
            System.out.println(session.summary(experiment));
            return 0;
        }
    }

    /** A fitted classifier (the caller closes it), what it was fitted on, and how to name it. */
    private record ModelUnderTest(Classifier classifier, TrainingInput input, String description, String shortName,
                                  org.activelabeler.model.ModelDescription describedBy) {
    }

    private ModelUnderTest trainModel(Workspace workspace, TrackingSession session, TerminalProgress progress,
                                      Map<String, String> params, Map<String, String> tags) {
        if (which != null && which.labelsOf != null) {
            Corpus corpus = Corpora.load(workspace, which.labelsOf, columns, progress);
            TrainingInput input = TrainingInput.of(corpus, labels, TrainingInput.GOLD.equals(labels) ? Map.of()
                    : workspace.labels().currentLabels(corpus.dataset().id(), LabelSource.HUMAN));
            Classifier classifier = fit(workspace, input, seed, progress);
            params.put("model_source", "labels");
            params.put("labels_of", corpus.dataset().sourcePath());
            params.put(TrainCommand.LABEL_SOURCE_PARAM, labels);
            params.put("label_count", Integer.toString(input.snapshot().rows().length));
            params.putAll(RunDescriptions.modelParams(classifier.description(), seed));
            tags.put("evaluate.model_source", "trained by this command on the " + input.snapshot().rows().length
                    + " " + labels + " labels of dataset '" + corpus.dataset().name() + "'; not registered");
            return new ModelUnderTest(classifier, input, NgramLogisticClassifier.NAME + " trained on "
                    + input.snapshot().rows().length + " " + labels + " labels of '" + corpus.dataset().name() + "'",
                    "labels-" + labels + "-" + input.snapshot().rows().length, classifier.description());
        }
        String alias = which == null || which.version == null && which.alias == null ? ModelRegistration.CHAMPION
                : which.alias;
        try (ModelVersions versions = session.modelVersions()) {
            if (registeredModel == null) {
                throw new IllegalArgumentException("Name the registered model with --registered-model (train and"
                        + " simulate register <dataset>-classifier unless told otherwise)");
            }
            RegisteredVersion version = alias != null ? versions.alias(registeredModel, alias)
                    : versions.version(registeredModel, which.version);
            VersionReplay.Plan plan = VersionReplay.plan(workspace, version, versions, progress);
            Classifier classifier = new NgramLogisticClassifier(ClassifierSettings.builder().optSeed(plan.seed())
                    .build(), Corpora.featureParameters(workspace, plan.input().pipeline().settings()));
            String weights;
            try {
                VersionReplay.requireSameSettings(version, classifier.description());
                classifier.fit(plan.input().features(), plan.input().snapshot().classes(),
                        plan.input().snapshot().labels().size(), progress);
                Path retrained = session.staging().resolve("evaluate-" + version.runId())
                        .resolve(SimulationTracking.MODEL_PATH);
                classifier.save(retrained);
                weights = VersionReplay.requireSameWeights(version, versions, retrained.resolve("model.safetensors"));
            } catch (RuntimeException e) {
                classifier.close();
                throw e;
            }
            params.put("model_source", "registry");
            params.put("registered_model", registeredModel);
            params.put("model_version", version.version());
            if (alias != null) {
                params.put("model_alias", alias);
            }
            params.put("model_run_id", version.runId());
            tags.put("evaluate.model_source", "retrained from the provenance of " + version.label() + " (run "
                    + version.runId() + ": dataset, label snapshot, seed " + plan.seed() + ", settings); weights"
                    + " identical to its registered " + VersionReplay.MODEL_FILE + ", sha256 " + weights);
            return new ModelUnderTest(classifier, plan.input(), version.label() + (alias == null ? ""
                    : " (alias '" + alias + "')") + ", retrained from its provenance with identical weights,",
                    registeredModel + "-v" + version.version(), classifier.description());
        }
    }

    private static Classifier fit(Workspace workspace, TrainingInput input, long seed, TerminalProgress progress) {
        Classifier classifier = new NgramLogisticClassifier(ClassifierSettings.builder().optSeed(seed).build(),
                Corpora.featureParameters(workspace, input.pipeline().settings()));
        try {
            classifier.fit(input.features(), input.snapshot().classes(), input.snapshot().labels().size(), progress);
            return classifier;
        } catch (RuntimeException e) {
            classifier.close();
            throw e;
        }
    }
}
