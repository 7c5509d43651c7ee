package org.activelabeler.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.activelabeler.testsupport.MlflowInstallation;
import org.activelabeler.testsupport.MlflowIntegration;
import org.activelabeler.testsupport.MlflowTestServer;
import org.activelabeler.testsupport.SyntheticReviews;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;

/**
 * {@code mlflow run . -e simulate|train|evaluate --env-manager local} on a copy of this checkout
 * builds the Java code (the Maven wrapper, which fetches what the local repository lacks) and logs into
 * the run {@code mlflow run} opened. Slow: one build; so the build runs it against the pinned MLflow only
 * (see {@link MlflowInstallation#PROJECT_TAG}).
 */
@MlflowIntegration
@Tag(MlflowInstallation.PROJECT_TAG)
class MlprojectRunTest {

    @Test
    void mlflowRunBuildsAndRunsSimulateTrainAndEvaluateIntoItsOwnRuns(MlflowTestServer server, @TempDir Path dir)
            throws Exception {
        Path checkout = copyCheckout(dir.resolve("checkout"));
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(23).distinct(200);
        Path pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), reviews.subList(0, 150));
        Path holdout = SyntheticReviews.writeCsv(dir.resolve("holdout.csv"), reviews.subList(150, 200));
        String db = "db=" + dir.resolve("db");

        mlflowRun(server, checkout, dir, "simulate", "data=" + pool, "features=tfidf,lsa", "init=10", "batch=10", "max_labels=20", db,
                "experiment=exp-mlproject", "registered_model=model-mlproject");
        try (MlflowClient client = new MlflowClient(server.uri())) {
            String experimentId = client.getExperimentByName("exp-mlproject").orElseThrow().getExperimentId();
            List<Run> runs = client.searchRuns(List.of(experimentId), "").stream()
                    .map(info -> client.getRun(info.getRunId())).toList();
            // the run `mlflow run` opened is the parent of the two round runs: no second parent
            assertThat(runs).hasSize(3).allSatisfy(r -> assertThat(r.getInfo().getStatus().name())
                    .isEqualTo("FINISHED"));
            Run parent = runs.stream().filter(r -> SimulateTrackingTest.tag(r, MlflowTrackingSink.PARENT_TAG) == null)
                    .collect(onlyOne());
            assertThat(SimulateTrackingTest.tag(parent, "mlflow.source.type")).isEqualTo("PROJECT");
            assertThat(runs).filteredOn(r -> r != parent).allSatisfy(child -> assertThat(
                    SimulateTrackingTest.tag(child, MlflowTrackingSink.PARENT_TAG))
                    .isEqualTo(parent.getInfo().getRunId()));
        }

        mlflowRun(server, checkout, dir, "train", "data=" + pool, "labels=gold", db, "experiment=exp-mlproject-train",
                "registered_model=model-mlproject-train");
        mlflowRun(server, checkout, dir, "evaluate", "data=" + holdout, "version=1", db,
                "experiment=exp-mlproject-eval", "registered_model=model-mlproject-train");
        try (MlflowClient client = new MlflowClient(server.uri())) {
            Run train = onlyRun(client, "exp-mlproject-train");
            assertThat(client.getModelVersion("model-mlproject-train", "1").getRunId())
                    .isEqualTo(train.getInfo().getRunId());
            Run evaluation = onlyRun(client, "exp-mlproject-eval");
            assertThat(client.getMetricHistory(evaluation.getInfo().getRunId(), "accuracy")).hasSize(1);
        }
    }

    private static void mlflowRun(MlflowTestServer server, Path checkout, Path dir, String entryPoint,
                                  String... params) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(server.mlflow().toString(), "run", checkout.toString(),
                "-e", entryPoint, "--env-manager", "local"));
        for (String param : params) {
            if (param.startsWith("experiment=")) {
                // the experiment of the run `mlflow run` opens, which the command's runs go to
                command.addAll(List.of("--experiment-name", param.substring("experiment=".length())));
            }
            command.add("-P");
            command.add(param);
        }
        Path log = dir.resolve("mlflow-run-" + entryPoint + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MLFLOW_TRACKING_URI", server.uri());
        builder.environment().put("PATH", server.mlflow().getParent() + java.io.File.pathSeparator
                + System.getenv("PATH"));
        Process process = builder.start();
        assertThat(process.waitFor(8, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
    }

    /** The one run of an experiment, which `mlflow run` opened and the command logged into. */
    private static Run onlyRun(MlflowClient client, String experiment) {
        String experimentId = client.getExperimentByName(experiment).orElseThrow().getExperimentId();
        List<RunInfo> runs = client.searchRuns(List.of(experimentId), "");
        assertThat(runs).hasSize(1);
        Run run = client.getRun(runs.get(0).getRunId());
        assertThat(run.getInfo().getStatus().name()).isEqualTo("FINISHED");
        assertThat(SimulateTrackingTest.tag(run, "mlflow.source.type")).isEqualTo("PROJECT");
        return run;
    }

    private static <T> java.util.stream.Collector<T, ?, T> onlyOne() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }

    /** The tracked and untracked, not ignored files of the working tree (what a checkout has). */
    private static Path copyCheckout(Path target) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard", "-z")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(git.waitFor() == 0, "Not in a git checkout; git ls-files failed");
        for (String file : listing.split("\0")) {
            Path source = Path.of(file);
            if (file.isEmpty() || !Files.isRegularFile(source)) {
                continue;
            }
            Path copy = target.resolve(file);
            Files.createDirectories(copy.getParent());
            Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return target;
    }
}
