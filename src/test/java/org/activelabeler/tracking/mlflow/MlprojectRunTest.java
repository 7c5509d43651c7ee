package org.activelabeler.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.activelabeler.testsupport.MlflowServerExtension;
import org.activelabeler.testsupport.MlflowTestServer;
import org.activelabeler.testsupport.SyntheticReviews;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;

/**
 * {@code mlflow run . -e simulate --env-manager local} on a copy of this checkout builds the Java
 * code (Maven, offline from the local repository) and leaves tracked runs. Slow: one build.
 */
@ExtendWith(MlflowServerExtension.class)
class MlprojectRunTest {

    @Test
    void mlflowRunBuildsAndRunsSimulate(MlflowTestServer server, @TempDir Path dir) throws Exception {
        Path checkout = copyCheckout(dir.resolve("checkout"));
        Path pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), new SyntheticReviews(23).distinct(150));

        ProcessBuilder builder = new ProcessBuilder(server.mlflow().toString(), "run", checkout.toString(),
                "-e", "simulate", "--env-manager", "local", "--experiment-name", "exp-mlproject",
                "-P", "data=" + pool, "-P", "init=10", "-P", "batch=10", "-P", "max_labels=20",
                "-P", "db=" + dir.resolve("db"), "-P", "experiment=exp-mlproject",
                "-P", "registered_model=model-mlproject")
                .redirectErrorStream(true).redirectOutput(dir.resolve("mlflow-run.log").toFile());
        builder.environment().put("MLFLOW_TRACKING_URI", server.uri());
        builder.environment().put("MAVEN_OFFLINE", "1");
        builder.environment().put("PATH", server.mlflow().getParent() + java.io.File.pathSeparator
                + System.getenv("PATH"));
        Process process = builder.start();
        assertThat(process.waitFor(8, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(dir.resolve("mlflow-run.log"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(log).isZero();

        try (MlflowClient client = new MlflowClient(server.uri())) {
            String experimentId = client.getExperimentByName("exp-mlproject").orElseThrow().getExperimentId();
            List<RunInfo> runs = client.searchRuns(List.of(experimentId), "");
            // the run `mlflow run` made, the simulate parent run and its two round runs
            assertThat(runs).hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(r -> assertThat(r.getStatus().name()).isEqualTo("FINISHED"));
        }
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
