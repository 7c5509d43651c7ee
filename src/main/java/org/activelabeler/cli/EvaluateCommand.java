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
import org.activelabeler.dataset.DatasetInfo;
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
            "A registered version (or any --model reference) is loaded as it was registered and scores the file."
                    + " With --retrain, it is instead retrained from its run's provenance (dataset, label snapshot,"
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

        @Option(names = "--model", paramLabel = "REF",
                description = "Any model: models:/NAME/VERSION, models:/NAME@ALIAS, runs:/RUN_ID/PATH or a folder.")
        String reference;
    }

    @Option(names = "--retrain",
            description = "With --model-version or --alias: retrain the version from its provenance and check that"
                    + " the weights come out identical, instead of loading it.")
    boolean retrain;

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
        if (retrain && which != null && (which.labelsOf != null || which.reference != null)) {
            throw new IllegalArgumentException("--retrain checks a registered version: use it with --model-version"
                    + " or --alias, not with --labels-of or --model");
        }
        Map<String, String> env = System.getenv();
        try (Workspace workspace = Workspace.open(database.location());
             TerminalProgress progress = new TerminalProgress()) {
            Corpus test = Corpora.load(workspace, data, columns, progress);
            if (!test.fullyLabeled()) {
                throw new IllegalArgumentException(data + " has reviews without a sentiment; evaluate needs a file"
                        + " with a 'sentiment' column filled for every review");
            }
            TrackingSession session = TrackingSession.open(workspace, tracking.trackingUri, env);
            String experiment;
            Evaluated evaluated;
            try (session) {
                Map<String, String> params = new LinkedHashMap<>();
                Map<String, String> tags = new LinkedHashMap<>();
                evaluated = retrain || which != null && which.labelsOf != null
                        ? trainAndScore(workspace, session, test, progress, params, tags)
                        : loadAndScore(workspace, test, progress, params, tags);
                var adopted = session.mlflowRun(env);
                experiment = TrackingSession.experiment(adopted, experimentName, test.dataset().name());
                params.put("data", test.dataset().sourcePath());
                tags.put("dataset.sha256", test.dataset().contentSha256());
                tags.putAll(RunDescriptions.tags(evaluated.describedBy(), "evaluate", adopted.isPresent()));
                List<org.activelabeler.tracking.DatasetInput> inputs = new java.util.ArrayList<>();
                inputs.add(SimulationRunContext.input(test.dataset(), "evaluation"));
                if (evaluated.training() != null) {
                    tags.put("training_dataset.sha256", evaluated.training().contentSha256());
                    inputs.add(SimulationRunContext.input(evaluated.training(), "training"));
                }
                TrackedRun run = new TrackedRun(session.tracker(), experiment, session.staging());
                run.start("evaluate-" + evaluated.shortName(), params, tags, inputs,
                        adopted.map(TrackingSession.AdoptedRun::runId).orElse(null));
                long now = System.currentTimeMillis();
                ClassMetrics metrics = evaluated.metrics();
                LabelSet labels = evaluated.labels();
                run.log(List.of(new MetricPoint("accuracy", metrics.accuracy(), 0, now),
                                new MetricPoint("macro_f1", metrics.macroF1(), 0, now)),
                        List.of(run.stage("confusion_matrix.csv", StagedFiles.confusionMatrix(metrics.confusion(), labels)),
                                run.stage("per_class_metrics.csv", StagedFiles.perClassMetrics(metrics, labels))));
                run.finish();
            }
            progress.close();
            ClassMetrics metrics = evaluated.metrics();
            System.out.printf(Locale.ROOT, "%s on dataset '%s' (%d reviews): accuracy %.4f, macro-F1 %.4f%n",
                    evaluated.description(), test.dataset().name(), test.size(), metrics.accuracy(), metrics.macroF1());
            System.out.print(StagedFiles.confusionMatrix(metrics.confusion(), evaluated.labels()));
            System.out.println(session.summary(experiment));
            return 0;
        }
    }

    /**
     * What a model scored on the file, and how to name it.
     *
     * @param training the dataset it was trained on, when known here
     */
    private record Evaluated(ClassMetrics metrics, LabelSet labels, String description, String shortName,
                             org.activelabeler.model.ModelDescription describedBy, DatasetInfo training) {
    }

    /** Loads the model as registered (or from any reference) and scores the file's texts. */
    private Evaluated loadAndScore(Workspace workspace, Corpus test, TerminalProgress progress,
                                   Map<String, String> params, Map<String, String> tags) {
        String reference;
        if (which != null && which.reference != null) {
            reference = which.reference;
        } else {
            if (registeredModel == null) {
                throw new IllegalArgumentException("Name the registered model with --registered-model (train and"
                        + " simulate register <dataset>-classifier unless told otherwise), or give --model");
            }
            String alias = which == null || which.version == null && which.alias == null ? ModelRegistration.CHAMPION
                    : which.alias;
            reference = alias != null ? "models:/" + registeredModel + "@" + alias
                    : "models:/" + registeredModel + "/" + which.version;
        }
        try (LoadedModel loaded = LoadedModel.open(reference, workspace.folder(), tracking.trackingUri, progress)) {
            LabelSet labels = loaded.model().labels();
            List<String> texts = workspace.datasets().reviewTexts(test.dataset().id(), progress);
            Predictions scores = loaded.model().score(texts, progress);
            ClassMetrics metrics = ClassMetrics.of(scores, ExperimentData.inClassesOf(test, labels));
            var manifest = loaded.model().manifest();
            params.put("model_source", "package");
            params.put("model", reference);
            String runKey = manifest.provenance().get("run_key");
            if (runKey != null) {
                params.put("model_run_key", runKey);
            }
            tags.put("evaluate.model_source", "loaded as registered: " + loaded.description());
            return new Evaluated(metrics, labels, loaded.description() + ", loaded as registered,",
                    reference.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-|-$", ""),
                    new org.activelabeler.model.ModelDescription(manifest.modelType(), "cpu", manifest.modelParameters()),
                    null);
        }
    }

    /** Trains now (on --labels-of) or retrains a registered version from its provenance, and scores the file. */
    private Evaluated trainAndScore(Workspace workspace, TrackingSession session, Corpus test,
                                    TerminalProgress progress, Map<String, String> params, Map<String, String> tags) {
        ModelUnderTest model = trainModel(workspace, session, progress, params, tags);
        try (Classifier classifier = model.classifier()) {
            LabelSet labels = model.input().dataset().dataset().labels();
            Predictions scores = classifier.predict(model.input().pipeline().transform(test.tokenIds()));
            return new Evaluated(ClassMetrics.of(scores, ExperimentData.inClassesOf(test, labels)), labels,
                    model.description(), model.shortName(), model.describedBy(), model.input().dataset().dataset());
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
