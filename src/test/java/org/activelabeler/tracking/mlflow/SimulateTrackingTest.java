package org.activelabeler.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.activelabeler.cli.Main;
import org.activelabeler.testsupport.MlflowArtifacts;
import org.activelabeler.testsupport.MlflowIntegration;
import org.activelabeler.testsupport.MlflowTestServer;
import org.activelabeler.testsupport.SyntheticReviews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junitpioneer.jupiter.RetryingTest;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;

/** {@code simulate} against a real MLflow server, read back with the Java and the Python client. */
@MlflowIntegration
class SimulateTrackingTest {
    private static final List<String> TIMINGS = List.of("train_ms", "score_ms");
    private static final AtomicInteger TRANSFORMER_ATTEMPTS = new AtomicInteger();
    @TempDir
    static Path dir;
    static Path pool;
    static Path holdout;

    @BeforeAll
    static void data() {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(21).distinct(260);
        pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), reviews.subList(0, 200));
        holdout = SyntheticReviews.writeCsv(dir.resolve("holdout.csv"), reviews.subList(200, 260));
    }

    @Test
    void simulateLogsAParentRunAndOneChildRunPerRoundWithModelVersions(MlflowTestServer server) throws Exception {
        String output = simulate(server.uri(), "exp-rounds", "model-rounds", dir.resolve("db-a"));

        assertThat(output).contains("tracking: experiment 'exp-rounds' on the MLflow server " + server.uri());
        try (MlflowClient client = new MlflowClient(server.uri())) {
            String experimentId = client.getExperimentByName("exp-rounds").orElseThrow().getExperimentId();
            List<Run> runs = client.searchRuns(List.of(experimentId), "").stream()
                    .map(info -> client.getRun(info.getRunId())).toList();
            assertThat(runs).hasSize(4);
            Run parent = runs.stream().filter(r -> tag(r, MlflowTrackingSink.PARENT_TAG) == null).findFirst()
                    .orElseThrow();
            List<Run> children = runs.stream().filter(r -> r != parent).toList();
            assertThat(children).allSatisfy(child -> {
                assertThat(tag(child, MlflowTrackingSink.PARENT_TAG)).isEqualTo(parent.getInfo().getRunId());
                assertThat(child.getInfo().getStatus().name()).isEqualTo("FINISHED");
            });
            assertThat(parent.getInfo().getStatus().name()).isEqualTo("FINISHED");

            Map<String, String> params = params(children.get(0));
            assertThat(params).containsEntry("strategy", "entropy").containsEntry("batch_size", "10")
                    .containsEntry("seed", "5").containsKeys("labels", "tokenizer", "learning_rate", "l2");
            assertThat(tag(parent, "dataset.sha256")).matches("[0-9a-f]{64}");
            assertThat(tag(parent, "device")).isEqualTo("CPU");
            assertThat(tag(parent, "annotator")).isEqualTo("simulated-oracle");
            assertThat(tag(parent, "djl.version")).isNotBlank();
            assertThat(tag(parent, "pytorch.version")).isNotBlank();
            assertThat(tag(parent, "java.version")).isEqualTo(System.getProperty("java.version"));
            assertThat(tag(children.get(0), "label_snapshot.sha256")).matches("[0-9a-f]{64}");
            if (Files.isDirectory(Path.of(".git"))) {
                assertThat(tag(parent, "mlflow.source.git.commit")).matches("[0-9a-f]{40}");
            }
            assertThat(parent.getInputs().getDatasetInputsList()).extracting(d -> d.getDataset().getName())
                    .containsExactlyInAnyOrder("pool", "holdout");

            List<Metric> accuracy = client.getMetricHistory(parent.getInfo().getRunId(), "holdout_accuracy");
            assertThat(accuracy).extracting(Metric::getStep).containsExactly(10L, 20L, 30L);
            Run firstChild = children.stream().filter(c -> params(c).get("labels").equals("10")).findFirst()
                    .orElseThrow();
            assertThat(client.getMetricHistory(firstChild.getInfo().getRunId(), "train_loss")).isNotEmpty()
                    .extracting(Metric::getStep).startsWith(1L, 2L);

            assertThat(artifacts(client, firstChild)).contains("model", "label_snapshot.csv", "confusion_matrix.csv");
            assertThat(artifacts(client, firstChild.getInfo().getRunId(), "model")).containsExactly("model/MLmodel",
                    "model/active_labeler.json", "model/input_example.json", "model/model.safetensors",
                    "model/serving_input_example.json");
            assertThat(artifacts(client, parent)).contains("learning_curve.csv", "learning_curve.png");
            List<String> featureParts = children.stream().map(c -> tag(c, "model.features_part")).distinct().toList();
            assertThat(featureParts).as("every round's model shares one fit of the features").hasSize(1);
            String partsExperiment = client.getExperimentByName(org.activelabeler.tracking.SharedFiles.EXPERIMENT)
                    .orElseThrow().getExperimentId();
            List<org.mlflow.api.proto.Service.RunInfo> partRuns = client.searchRuns(List.of(partsExperiment),
                    "tags.`" + org.activelabeler.tracking.SharedFiles.ADDRESS_TAG + "` = '" + featureParts.get(0) + "'");
            assertThat(partRuns).as("the shared features are uploaded once").singleElement()
                    .satisfies(run -> assertThat(run.getStatus().name()).isEqualTo("FINISHED"));
            assertThat(artifacts(client, partRuns.get(0).getRunId(), "")).containsExactlyInAnyOrder("features.json",
                    "features.safetensors", "tokenizer.json");

            List<ModelVersion> versions = client.searchModelVersions("name = 'model-rounds'").getItems();
            assertThat(versions).hasSize(3);
            ModelVersion best = versions.stream().max(Comparator.<ModelVersion>comparingDouble(v ->
                    Double.parseDouble(versionTag(v, "holdout_accuracy")))
                    .thenComparing(v -> -Long.parseLong(v.getVersion()))).orElseThrow();
            JsonObject alias = JsonParser.parseString(
                    client.sendGet("registered-models/alias?name=model-rounds&alias=champion")).getAsJsonObject();
            assertThat(alias.getAsJsonObject("model_version").get("version").getAsString())
                    .isEqualTo(best.getVersion());
        }
    }

    @Test
    void twoRunsWithTheSameSeedLogIdenticalMetrics(MlflowTestServer server) throws Exception {
        simulate(server.uri(), "exp-seed", "model-seed", dir.resolve("db-b"));
        simulate(server.uri(), "exp-seed", "model-seed", dir.resolve("db-b"));

        try (MlflowClient client = new MlflowClient(server.uri())) {
            String experimentId = client.getExperimentByName("exp-seed").orElseThrow().getExperimentId();
            List<RunInfo> parents = client.searchRuns(List.of(experimentId),
                    "tags.`" + MlflowTrackingSink.RUN_NAME_TAG + "` LIKE 'simulate-%'");
            assertThat(parents).hasSize(2);
            assertThat(metrics(client, parents.get(0))).isNotEmpty().isEqualTo(metrics(client, parents.get(1)));
            Run a = client.getRun(parents.get(0).getRunId());
            Run b = client.getRun(parents.get(1).getRunId());
            assertThat(params(a)).isEqualTo(params(b));
            for (String key : List.of("mlflow.source.git.commit", "dataset.sha256", "holdout.sha256")) {
                assertThat(tag(a, key)).isEqualTo(tag(b, key));
            }
        }
    }

    @Test
    void thePythonClientReadsBackWhatTheJavaSideWrote(MlflowTestServer server) throws Exception {
        simulate(server.uri(), "exp-python", "model-python", dir.resolve("db-c"));

        ProcessBuilder builder = new ProcessBuilder(server.python().toString(),
                Path.of("src/test/resources/mlflow/read_back.py").toAbsolutePath().toString(),
                "exp-python", "model-python").redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("MLFLOW_TRACKING_URI", server.uri());
        Process process = builder.start();
        String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(json).isZero();
        JsonObject python = JsonParser.parseString(json).getAsJsonObject();

        try (MlflowClient client = new MlflowClient(server.uri())) {
            String experimentId = client.getExperimentByName("exp-python").orElseThrow().getExperimentId();
            List<RunInfo> runs = client.searchRuns(List.of(experimentId), "");
            JsonObject pythonRuns = python.getAsJsonObject("runs");
            assertThat(pythonRuns.keySet()).containsExactlyInAnyOrderElementsOf(
                    runs.stream().map(RunInfo::getRunId).toList());
            for (RunInfo run : runs) {
                JsonObject seen = pythonRuns.getAsJsonObject(run.getRunId());
                for (String key : seen.getAsJsonObject("metrics").keySet()) {
                    String javaHistory = client.getMetricHistory(run.getRunId(), key).stream()
                            .sorted(Comparator.comparingLong(Metric::getStep).thenComparingLong(Metric::getTimestamp))
                            .map(m -> m.getStep() + ":" + m.getValue()).collect(Collectors.joining(","));
                    String pythonHistory = java.util.stream.StreamSupport.stream(
                                    seen.getAsJsonObject("metrics").getAsJsonArray(key).spliterator(), false)
                            .map(p -> p.getAsJsonArray().get(0).getAsLong() + ":"
                                    + p.getAsJsonArray().get(1).getAsDouble()).collect(Collectors.joining(","));
                    assertThat(pythonHistory).as(key).isEqualTo(javaHistory);
                }
                assertThat(seen.get("status").getAsString()).isEqualTo("FINISHED");
            }
            List<ModelVersion> versions = client.searchModelVersions("name = 'model-python'").getItems();
            assertThat(python.getAsJsonArray("versions")).hasSize(versions.size());
            JsonObject alias = JsonParser.parseString(
                    client.sendGet("registered-models/alias?name=model-python&alias=champion")).getAsJsonObject();
            assertThat(python.get("champion").getAsString())
                    .isEqualTo(alias.getAsJsonObject("model_version").get("version").getAsString());
        }
    }

    /**
     * Failed once in CI with exit 1 (the cause was not printed then; it is now). The likely cause, native
     * memory filling up in the one test JVM (each transformer fit leaked its optimizer's moments), is
     * fixed ({@code ClosingAdamW}); until a CI run shows no other, a second attempt with its own folder
     * and names, and the first attempt's failure reported as aborted.
     */
    @RetryingTest(2)
    void transformerRoundsAreChildRunsAndVersionsOfTheirOwnModelWithEncoderAndDevice(MlflowTestServer server)
            throws Exception {
        String attempt = Integer.toString(TRANSFORMER_ATTEMPTS.incrementAndGet());
        String model = "two-speed-" + attempt;
        runSimulate("--features", "tfidf,lsa", "--data", pool.toString(), "--holdout", holdout.toString(), "--init", "10",
                "--batch", "10", "--max-labels", "30", "--seed", "5", "--db", dir.resolve("db-t" + attempt).toString(),
                "--tracking-uri", server.uri(), "--experiment", "exp-transformer-" + attempt, "--registered-model", model,
                "--model", "transformer", "--encoder", "all-MiniLM-L6-v2", "--transformer-every", "1", "--transformer-min-labels", "20",
                "--max-tokens", "16", "--transformer-epochs", "1", "--transformer-holdout", "20");
        try (MlflowClient client = new MlflowClient(server.uri())) {
            List<ModelVersion> versions = client.searchModelVersions("name = '" + model + "-transformer'").getItems();
            assertThat(versions).hasSize(2);
            Run round = client.getRun(versions.get(0).getRunId());
            assertThat(tag(round, "encoder")).isEqualTo("sentence-transformers/all-MiniLM-L6-v2");
            assertThat(tag(round, "encoder.sha256")).matches("[0-9a-f]{64}");
            assertThat(tag(round, "device")).isEqualTo("CPU");
            assertThat(params(round)).containsEntry("model", "transformer").containsEntry("max_tokens", "16");
            assertThat(round.getData().getMetricsList()).extracting(Metric::getKey)
                    .contains("holdout_accuracy", "validation_accuracy_transformer", "validation_accuracy_fast",
                            "serves_queue");
            assertThat(artifacts(client, round.getInfo().getRunId(), "model"))
                    .containsExactly("model/config.json", "model/model.safetensors", "model/tokenizer.json");
            assertThat(client.searchModelVersions("name = '" + model + "'").getItems()).hasSize(3);
        }
    }

    static String simulate(String uri, String experiment, String model, Path db) {
        return runSimulate("--features", "tfidf,lsa", "--data", pool.toString(), "--holdout", holdout.toString(),
                "--init", "10", "--batch", "10", "--max-labels", "30", "--seed", "5", "--db", db.toString(),
                "--tracking-uri", uri, "--experiment", experiment, "--registered-model", model);
    }

    /** Runs simulate in this JVM and returns what it printed; on a failure the assertion shows stdout and stderr. */
    private static String runSimulate(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        String[] args = new String[options.length + 1];
        args[0] = "simulate";
        System.arraycopy(options, 0, args, 1, options.length);
        int exit;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            exit = Main.run(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("stdout:%n%s%nstderr:%n%s", output, err.toString(StandardCharsets.UTF_8)).isZero();
        return output;
    }

    private static Map<String, List<String>> metrics(MlflowClient client, RunInfo run) {
        Map<String, List<String>> all = new TreeMap<>();
        for (var metric : client.getRun(run.getRunId()).getData().getMetricsList()) {
            if (!TIMINGS.contains(metric.getKey())) {
                all.put(metric.getKey(), client.getMetricHistory(run.getRunId(), metric.getKey()).stream()
                        .map(m -> m.getStep() + ":" + m.getValue()).sorted().toList());
            }
        }
        return all;
    }

    private static List<String> artifacts(MlflowClient client, Run run) {
        return artifacts(client, run.getInfo().getRunId(), "");
    }

    private static List<String> artifacts(MlflowClient client, String runId, String path) {
        return MlflowArtifacts.list(client, runId, path);
    }

    private static Map<String, String> params(Run run) {
        return run.getData().getParamsList().stream()
                .collect(Collectors.toMap(p -> p.getKey(), p -> p.getValue(), (a, b) -> a, TreeMap::new));
    }

    static String tag(Run run, String key) {
        return run.getData().getTagsList().stream().filter(t -> t.getKey().equals(key)).map(RunTag::getValue)
                .findFirst().orElse(null);
    }

    private static String versionTag(ModelVersion version, String key) {
        return version.getTagsList().stream().filter(t -> t.getKey().equals(key)).findFirst().orElseThrow()
                .getValue();
    }
}
