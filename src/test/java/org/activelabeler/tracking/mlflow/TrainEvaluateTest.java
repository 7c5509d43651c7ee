package org.activelabeler.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.activelabeler.app.Workspace;
import org.activelabeler.cli.Main;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.labeling.LabelSource;
import org.activelabeler.progress.Progress;
import org.activelabeler.testsupport.CommandLineRun;
import org.activelabeler.testsupport.MlflowIntegration;
import org.activelabeler.testsupport.MlflowTestServer;
import org.activelabeler.testsupport.SyntheticReviews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.ModelRegistry.ModelVersionTag;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;

/**
 * {@code train} registers versions; {@code evaluate} loads one as registered, or retrains it from its provenance,
 * and logs metrics.
 */
@MlflowIntegration
class TrainEvaluateTest {
    private static final int ANNOTATED = 40;
    @TempDir
    static Path dir;
    static Path pool;
    static Path holdout;
    static Path db;

    @BeforeAll
    static void data() {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(31).distinct(210);
        pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), reviews.subList(0, 150));
        holdout = SyntheticReviews.writeCsv(dir.resolve("holdout.csv"), reviews.subList(150, 210));
        db = dir.resolve("db");
        try (Workspace workspace = Workspace.open(db)) {
            long datasetId = workspace.importer().importFile(pool, Progress.NONE).dataset().id();
            Corpus corpus = workspace.datasets().loadCorpus(datasetId, Progress.NONE);
            for (int i = 0; i < ANNOTATED; i++) {
                workspace.labels().record(corpus.reviewIds()[i], LabelAction.LABEL,
                        corpus.gold()[i], "alice", LabelSource.HUMAN);
            }
        }
    }

    @Test
    void trainRegistersVersionsAndEvaluateRetrainsOneFromItsProvenance(MlflowTestServer server) {
        String trained = run("train", "--data", pool.toString(), "--db", db.toString(), "--tracking-uri",
                server.uri(), "--experiment", "exp-train", "--registered-model", "model-train");
        assertThat(trained).contains("Trained ngram-logistic on " + ANNOTATED + " annotators labels of dataset 'pool'")
                .contains("tracking: experiment 'exp-train' on the MLflow server " + server.uri());
        run("train", "--data", pool.toString(), "--labels", "gold", "--db", db.toString(), "--tracking-uri",
                server.uri(), "--experiment", "exp-train", "--registered-model", "model-train");

        try (MlflowClient client = new MlflowClient(server.uri())) {
            ModelVersion first = client.getModelVersion("model-train", "1");
            assertThat(tags(first)).containsEntry("labels", "40").containsEntry("label_source", "annotators");
            assertThat(tags(client.getModelVersion("model-train", "2"))).containsEntry("labels", "150")
                    .containsEntry("label_source", "gold");
            Run run = client.getRun(first.getRunId());
            assertThat(params(run)).containsEntry("label_source", "annotators").containsEntry("label_count", "40")
                    .containsEntry("seed", "13").containsKeys("data", "model", "l2", "tokenizer", "features");
            assertThat(SimulateTrackingTest.tag(run, "dataset.sha256")).matches("[0-9a-f]{64}");
            assertThat(SimulateTrackingTest.tag(run, "label_snapshot.sha256")).matches("[0-9a-f]{64}");
            assertThat(run.getInfo().getStatus().name()).isEqualTo("FINISHED");
        }

        String loaded = run("evaluate", "--data", holdout.toString(), "--model-version", "1", "--registered-model",
                "model-train", "--db", db.toString(), "--tracking-uri", server.uri(), "--experiment", "exp-eval");
        assertThat(loaded).contains("'model-train' version 1, run ").contains("loaded as registered, on dataset"
                + " 'holdout' (60 reviews): accuracy ").contains("gold\\predicted,negative,positive");
        String retrained = run("evaluate", "--data", holdout.toString(), "--model-version", "1", "--registered-model",
                "model-train", "--retrain", "--db", db.toString(), "--tracking-uri", server.uri(), "--experiment",
                "exp-eval-retrain");
        assertThat(retrained).contains("'model-train' version 1, retrained from its provenance with identical"
                + " weights, on dataset 'holdout' (60 reviews): accuracy ");

        try (MlflowClient client = new MlflowClient(server.uri())) {
            Run evaluation = onlyRun(client, "exp-eval");
            assertThat(params(evaluation)).containsEntry("model_source", "package")
                    .containsEntry("model", "models:/model-train/1");
            assertThat(SimulateTrackingTest.tag(evaluation, "evaluate.model_source"))
                    .contains("loaded as registered: 'model-train' version 1");
            Run replay = onlyRun(client, "exp-eval-retrain");
            assertThat(params(replay)).containsEntry("model_source", "registry")
                    .containsEntry("model_version", "1").containsEntry("model_run_id",
                            client.getModelVersion("model-train", "1").getRunId());
            assertThat(SimulateTrackingTest.tag(replay, "evaluate.model_source"))
                    .contains("retrained from the provenance of 'model-train' version 1").contains("identical");
            double accuracy = client.getMetricHistory(evaluation.getInfo().getRunId(), "accuracy").get(0).getValue();
            assertThat(accuracy).isGreaterThan(0.8);
            assertThat(client.getMetricHistory(replay.getInfo().getRunId(), "accuracy").get(0).getValue())
                    .as("the registered model and the one retrained from its provenance score alike").isEqualTo(accuracy);
            assertThat(client.getMetricHistory(evaluation.getInfo().getRunId(), "macro_f1")).hasSize(1);
        }
    }

    @Test
    void evaluateTakesTheChampionOfSimulateByDefaultOrTheModelOfTheCurrentLabels(MlflowTestServer server) {
        run("simulate", "--features", "tfidf,lsa", "--data", pool.toString(), "--holdout", holdout.toString(), "--init", "10", "--batch", "10",
                "--max-labels", "20", "--seed", "3", "--db", db.toString(), "--tracking-uri", server.uri(),
                "--experiment", "exp-sim", "--registered-model", "model-sim");

        String output = run("evaluate", "--data", holdout.toString(), "--registered-model", "model-sim",
                "--db", db.toString(), "--tracking-uri", server.uri(), "--experiment", "exp-eval-champion");
        assertThat(output).contains("(alias 'champion'), run ").contains("loaded as registered");

        String fromLabels = run("evaluate", "--data", holdout.toString(), "--labels-of", pool.toString(),
                "--db", db.toString(), "--tracking-uri", server.uri(), "--experiment", "exp-eval-labels");
        assertThat(fromLabels).contains("ngram-logistic trained on 40 annotators labels of 'pool'");
        try (MlflowClient client = new MlflowClient(server.uri())) {
            String champion = JsonParser.parseString(client.sendGet("registered-models/alias?name=model-sim"
                            + "&alias=champion")).getAsJsonObject().getAsJsonObject("model_version")
                    .get("version").getAsString();
            assertThat(params(onlyRun(client, "exp-eval-champion"))).containsEntry("model", "models:/model-sim@champion");
            assertThat(SimulateTrackingTest.tag(onlyRun(client, "exp-eval-champion"), "evaluate.model_source"))
                    .contains("'model-sim' version " + champion + " (alias 'champion')");
            assertThat(params(onlyRun(client, "exp-eval-labels"))).containsEntry("model_source", "labels")
                    .containsEntry("label_count", "40");
        }
    }

    @Test
    void aVersionTrainedWithEmbeddingsIsLoadedWithItsEncoderButNotRetrained(MlflowTestServer server,
                                                                                     @TempDir Path other)
            throws java.io.IOException {
        Path encoder = org.activelabeler.training.djl.bert.TinyBert.write(other.resolve("tiny-encoder"), 5);
        run("simulate", "--embedding-encoder", encoder.toString(), "--data", pool.toString(), "--holdout",
                holdout.toString(), "--init", "10", "--batch", "10", "--max-labels", "20", "--seed", "3", "--db",
                db.toString(), "--tracking-uri", server.uri(), "--experiment", "exp-sim-emb", "--registered-model",
                "model-sim-emb");

        String loaded = run("evaluate", "--data", holdout.toString(), "--registered-model", "model-sim-emb", "--db",
                db.toString(), "--tracking-uri", server.uri(), "--experiment", "exp-eval-emb");
        assertThat(loaded).contains("loaded as registered").contains("accuracy ");

        String output = org.activelabeler.testsupport.CommandLineRun.expect(1, "evaluate", "--data",
                holdout.toString(), "--registered-model", "model-sim-emb", "--retrain", "--db", db.toString(),
                "--tracking-uri", server.uri(), "--experiment", "exp-eval-emb-retrain");

        assertThat(output).contains("was trained with sentence embeddings (feature_blocks tfidf,lsa,embeddings)")
                .contains("--features tfidf,lsa").doesNotContain("other settings than this build");
    }

    @Test
    void eachRoundRunSaysWhetherItsFitWentOnFromTheRoundBefore(MlflowTestServer server) {
        run("simulate", "--data", pool.toString(), "--holdout", holdout.toString(), "--features", "tfidf,lsa",
                "--init", "60", "--batch", "5", "--max-labels", "70", "--seed", "3", "--db", db.toString(),
                "--tracking-uri", server.uri(), "--experiment", "exp-sim-warm", "--registered-model", "model-sim-warm");

        try (MlflowClient client = new MlflowClient(server.uri())) {
            String experimentId = client.getExperimentByName("exp-sim-warm").orElseThrow().getExperimentId();
            java.util.Map<String, String> warmByRound = new java.util.TreeMap<>();
            for (RunInfo info : client.searchRuns(List.of(experimentId), "")) {
                java.util.Map<String, String> params = new java.util.HashMap<>();
                client.getRun(info.getRunId()).getData().getParamsList()
                        .forEach(param -> params.put(param.getKey(), param.getValue()));
                if (params.containsKey("round")) {
                    warmByRound.put(params.get("round"), params.get("warm_start"));
                }
            }
            assertThat(warmByRound).as("60 labels afresh, then 65 and 70 from the round before")
                    .containsExactly(java.util.Map.entry("1", "false"), java.util.Map.entry("2", "true"),
                            java.util.Map.entry("3", "true"));
        }
    }

    @Test
    void trainWithoutAnnotatorsLabelsFailsWithWhatToDo(@TempDir Path other) {
        Path file = SyntheticReviews.writeCsv(other.resolve("fresh.csv"), new SyntheticReviews(32).distinct(30));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("train", "--data", file.toString(), "--db", other.resolve("db").toString()))
                    .isEqualTo(1);
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Dataset 'fresh' has 0 labels given by people;"
                + " training needs labels of at least two classes").contains("--labels gold");
    }

    private static Run onlyRun(MlflowClient client, String experiment) {
        String id = client.getExperimentByName(experiment).orElseThrow().getExperimentId();
        List<RunInfo> runs = client.searchRuns(List.of(id), "");
        assertThat(runs).hasSize(1);
        return client.getRun(runs.get(0).getRunId());
    }

    private static Map<String, String> params(Run run) {
        return run.getData().getParamsList().stream().collect(Collectors.toMap(Param::getKey, Param::getValue));
    }

    private static Map<String, String> tags(ModelVersion version) {
        return version.getTagsList().stream()
                .collect(Collectors.toMap(ModelVersionTag::getKey, ModelVersionTag::getValue));
    }

    private static String run(String... args) {
        return CommandLineRun.succeed(args);
    }
}
