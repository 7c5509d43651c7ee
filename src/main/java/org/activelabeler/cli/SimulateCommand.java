package org.activelabeler.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activelabeler.app.TrackingSession;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.Corpus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.activelabeler.app.AppVersion;
import org.activelabeler.app.EncoderFolders;
import org.activelabeler.app.ModelCacheFolder;
import org.activelabeler.app.TextVectors;
import org.activelabeler.features.FeatureLayout;
import org.activelabeler.modelpackage.EncoderRef;
import org.activelabeler.modelpackage.ModelPackage;
import org.activelabeler.features.FeatureBlocks;
import org.activelabeler.round.FeatureChoice;
import org.activelabeler.features.FeatureSettings;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.simulation.ExperimentData;
import org.activelabeler.simulation.LearningCurve;
import org.activelabeler.simulation.RoundResult;
import org.activelabeler.simulation.TransformerLane;
import org.activelabeler.simulation.TransformerRoundResult;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.training.djl.bert.TransformerClassifier;
import java.util.ArrayList;
import java.util.List;
import org.activelabeler.dataset.DatasetOrigin;
import org.activelabeler.labeling.LabelSource;
import org.activelabeler.labeling.LabelingSession;
import org.activelabeler.labeling.NewLabel;
import org.activelabeler.simulation.RoundListener;
import org.activelabeler.simulation.SimulatedOracle;
import org.activelabeler.simulation.SimulationSettings;
import org.activelabeler.strategy.DiverseEntropySampling;
import org.activelabeler.strategy.QueryStrategies;
import org.activelabeler.tracking.ModelNames;
import org.activelabeler.tracking.SimulationTracking;
import org.activelabeler.training.djl.NgramLogisticClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Run the active-learning loop with the file's own labels as the annotator.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "POOL", description = "Labeled file (CSV, TSV or JSON Lines, each also gzipped) to query from.")
    Path data;

    @Option(names = "--holdout", paramLabel = "FILE",
            description = "Labeled CSV to evaluate on (default: hold out 10%% of the pool, at most 5,000, never queried).")
    Path holdout;

    @Option(names = "--strategy", defaultValue = QueryStrategies.DEFAULT,
            description = "entropy, least-confidence, margin, diverse-entropy (entropy, one text per cluster of"
                    + " the embeddings) or random (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--init", defaultValue = "20", description = "Random labels before the first round (default: ${DEFAULT-VALUE}).")
    int init;

    @Option(names = "--batch", defaultValue = "50", description = "Labels per round (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--max-labels", defaultValue = "1020", description = "Label budget (default: ${DEFAULT-VALUE}).")
    int maxLabels;

    @Option(names = "--seed", defaultValue = "13", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "CSV", description = "Write the learning curve here.")
    Path out;

    @Mixin
    ColumnOptions columns;

    @Mixin
    FeatureOptions featureOptions;

    @Mixin
    DatabaseOption database;

    @Option(names = "--experiment", paramLabel = "NAME",
            description = "MLflow experiment for the runs (default: the dataset's name).")
    String experimentName;

    @Option(names = "--registered-model", paramLabel = "NAME",
            description = "Registered model each round's model becomes a version of (default: <dataset>-classifier).")
    String registeredModel;

    @Mixin
    TrackingOptions tracking;

    @Mixin
    TransformerOptions transformerOptions;

    @Override
    public Integer call() {
        QueryStrategies.named(strategy);
        SimulationSettings settings = new SimulationSettings(strategy, init, batch, maxLabels, seed,
                transformerOptions.fastAuditShare());
        try (Workspace workspace = Workspace.open(database.location());
             TerminalProgress progress = new TerminalProgress()) {
            Corpus loadedPool = Corpora.load(workspace, data, columns, progress);
            Corpus loadedTest = holdout == null ? null : Corpora.load(workspace, holdout, columns, progress);
            FeatureBlocks blocks = featureOptions.blocks();
            if (strategy.equals(DiverseEntropySampling.NAME) && !blocks.embeddings()) {
                throw new IllegalArgumentException("--strategy " + DiverseEntropySampling.NAME + " spreads a batch"
                        + " over the embeddings; keep embeddings in --features");
            }
            Map<String, String> embedding = new LinkedHashMap<>();
            ExperimentData experiment = featureOptions.experiment(workspace, loadedPool, loadedTest, embedding,
                    progress, seed);
            // The features are made: the token ids (the largest part of a corpus) can go.
            Corpus pool = loadedPool.withoutTokenIds();
            Corpus test = loadedTest == null ? null : loadedTest.withoutTokenIds();
            loadedPool = null;
            loadedTest = null;
            settings.requireFits(experiment.pool().size());
            ClassifierSettings model = ClassifierSettings.builder().optSeed(seed).build();
            LearningCurve curve;
            TrackingSession trackingSession = TrackingSession.open(workspace, tracking.trackingUri, System.getenv());
            String experimentForRuns;
            List<TransformerRoundResult> transformerRounds = new ArrayList<>();
            String oracleLabels;
            Map<String, String> featureParameters = new LinkedHashMap<>(
                    Corpora.featureParameters(workspace, experiment.pipeline().settings()));
            featureParameters.put("feature_blocks", blocks.toString());
            featureParameters.putAll(embedding);
            try (trackingSession; Classifier classifier = new NgramLogisticClassifier(model, featureParameters);
                 TextClassifier transformer = transformerOptions.enabled()
                         ? new TransformerClassifier(transformerOptions.resolveEncoder(workspace.folder(), progress),
                                 transformerOptions.transformerSettings(seed), experiment.labels().size())
                         : null) {
                var adopted = trackingSession.mlflowRun(System.getenv());
                var context = SimulationRunContext.of(TrackingSession.experiment(adopted, experimentName,
                                pool.dataset().name()), registeredModel != null ? registeredModel
                                : ModelNames.forDataset(pool.dataset().name()), settings, pool, test,
                        classifier.description(), trackingSession.staging(),
                        adopted.map(TrackingSession.AdoptedRun::runId).orElse(null));
                experimentForRuns = context.experiment();
                ModelPackage packages = new ModelPackage(workspace.tokenizer(), experiment.labels(), AppVersion.get(),
                        ModelCacheFolder.parts(), new EncoderFolders(workspace.folder().resolve("encoders")));
                EncoderRef encoder = EncoderRef.fromParameters(embedding);
                var runs = new SimulationTracking(trackingSession.tracker(), context, space -> packages.writer(
                        classifier, experiment.pipeline(), FeatureLayout.named(space == null ? blocks.toString() : space,
                                Float.parseFloat(embedding.getOrDefault("embedding_weight", "0"))), encoder),
                        experiment.pool());
                TransformerLane lane = null;
                if (transformer != null) {
                    runs.trackTransformer(transformer);
                    lane = transformerLane(workspace, transformer, experiment, pool, test, progress, (result, rows) -> {
                        runs.transformerRoundFinished(result, rows);
                        transformerRounds.add(result);
                        progress.println(Summaries.transformerRound(result));
                    });
                }
                runs.start();
                int[][] revealed = {new int[0]};
                RoundListener listener = new RoundListener() {
                    @Override
                    public void featureSpaceChosen(String name) {
                        runs.featureSpaceChosen(name);
                    }

                    @Override
                    public void roundFinished(RoundResult round, int[] labeledRows) {
                        runs.roundFinished(round, labeledRows);
                        revealed[0] = labeledRows;
                    }
                };
                try {
                    curve = new SimulatedOracle(classifier, settings, lane, experiment.poolVectors()).run(experiment.spaces(blocks),
                            experiment.labels().size(), listener, progress);
                } catch (RuntimeException e) {
                    runs.fail();
                    throw e;
                }
                runs.finish(curve);
                oracleLabels = recordOracleLabels(workspace, pool, experiment, revealed[0]);
            }
            progress.close();
            System.out.println(oracleLabels);
            System.out.println(trackingSession.summary(experimentForRuns));
            if (out != null) {
                curve.writeCsv(out);
                curve.writePerClassCsv(besideCurve(out, "-per-class.csv"), experiment.labels());
                curve.writeStoppingCsv(besideCurve(out, "-stopping.csv"));
                if (!transformerRounds.isEmpty()) {
                    Summaries.writeTransformerCsv(transformerCsv(out), transformerRounds);
                }
            }
            printSummary(curve, experiment);
            transformerRounds.forEach(r -> System.out.println(Summaries.transformerRound(r)));
            return 0;
        }
    }

    private TransformerLane transformerLane(Workspace workspace, TextClassifier transformer, ExperimentData experiment,
                                            Corpus pool, Corpus test, TerminalProgress progress,
                                            TransformerLane.Listener listener) {
        List<String> poolTexts = workspace.datasets().reviewTexts(pool.dataset().id(), progress);
        List<String> holdoutTexts = test == null ? poolTexts : workspace.datasets().reviewTexts(test.dataset().id(), progress);
        int[] poolSource = experiment.poolSource();
        int[] holdoutSource = experiment.holdoutSource();
        boolean gpu = transformer.description().device().startsWith("gpu");
        var twoSpeed = transformerOptions.twoSpeedSettings(seed, gpu);
        int passes = transformerOptions.transformerSettings(seed).dropoutPasses();
        return new TransformerLane(transformer, twoSpeed, passes, row -> poolTexts.get(poolSource[row]),
                row -> holdoutTexts.get(holdoutSource[row]), experiment.holdout().size(),
                transformerOptions.holdoutSample, listener);
    }

    /**
     * Stores the oracle's answers, in the order asked, as the oracle's labels of the pool's dataset, so
     * that `export` has them; not in a dataset that people label (imported, not only read by experiments).
     */
    private static String recordOracleLabels(Workspace workspace, Corpus pool, ExperimentData experiment,
                                             int[] revealedRows) {
        if (pool.dataset().origin() != DatasetOrigin.EXPERIMENT) {
            return "The oracle's labels are not stored in dataset '" + pool.dataset().name() + "': people label it;"
                    + " run simulations in a folder of their own (--db) to keep them.";
        }
        List<NewLabel> labels = new ArrayList<>(revealedRows.length);
        for (int row : revealedRows) {
            labels.add(new NewLabel(pool.reviewIds()[experiment.poolSource()[row]], experiment.pool().gold()[row],
                    LabelingSession.ORACLE, LabelSource.ORACLE));
        }
        workspace.labels().recordLabels(labels);
        return "The oracle's " + labels.size() + " labels are stored with dataset " + pool.dataset().id() + " '"
                + pool.dataset().name() + "' (active-labeler export --dataset " + pool.dataset().id() + ").";
    }

    static Path transformerCsv(Path out) {
        return besideCurve(out, "-transformer.csv");
    }

    /** {@code curve.csv} gives {@code curve<suffix>} beside it. */
    static Path besideCurve(Path out, String suffix) {
        String name = out.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + suffix);
    }

    private void printSummary(LearningCurve curve, ExperimentData experiment) {
        RoundResult last = curve.last();
        long trainMs = curve.rounds().stream().mapToLong(RoundResult::trainMillis).sum();
        long scoreMs = curve.rounds().stream().mapToLong(RoundResult::scoreMillis).sum();
        System.out.printf(Locale.ROOT, "%s, %d rounds, pool %d, holdout %d%n", strategy, curve.rounds().size(),
                experiment.pool().size(), experiment.holdout().size());
        System.out.printf(Locale.ROOT, "final: %d labels, accuracy %.4f, macro-F1 %.4f%n", last.labels(),
                last.accuracy(), last.macroF1());
        System.out.printf(Locale.ROOT, "area under the learning curve (mean accuracy): %.4f%n", curve.normalisedArea());
        System.out.printf(Locale.ROOT, "time: training %.1f s, scoring %.1f s%n", trainMs / 1000.0, scoreMs / 1000.0);
        Map<String, Long> spaces = curve.featureSpaces().stream().filter(name -> !name.isEmpty())
                .collect(java.util.stream.Collectors.groupingBy(name -> name, LinkedHashMap::new,
                        java.util.stream.Collectors.counting()));
        if (spaces.size() > 1 || curve.choiceMillis() > 0) {
            System.out.printf(Locale.ROOT, "features, chosen inside the labels (%d-fold cross-validation every %d rounds,"
                    + " %.1f s): %s; last round %s%n", FeatureChoice.FOLDS, FeatureChoice.EVERY_ROUNDS,
                    curve.choiceMillis() / 1000.0, spaces.entrySet().stream().map(e -> e.getKey() + " in " + e.getValue()
                            + " rounds").collect(java.util.stream.Collectors.joining(", ")),
                    curve.featureSpaces().get(curve.featureSpaces().size() - 1));
        }
        System.out.println("stopping: " + curve.firstStable().map(r -> "predictions stable from " + r.labels()
                + " labels (round " + r.round() + ")").orElse("predictions not yet stable")
                + (last.stopping().advice().isEmpty() ? "" : "; last round: " + last.stopping().advice()));
        if (out != null) {
            System.out.println("learning curve: " + out.toAbsolutePath() + " (per class: "
                    + besideCurve(out, "-per-class.csv").getFileName() + ", stopping signal: "
                    + besideCurve(out, "-stopping.csv").getFileName() + ")");
        }
    }
}
