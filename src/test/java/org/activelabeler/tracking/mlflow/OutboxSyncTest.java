package org.activelabeler.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activelabeler.app.Workspace;
import org.activelabeler.cli.Main;
import org.activelabeler.testsupport.CommandLineRun;
import org.activelabeler.testsupport.MlflowIntegration;
import org.activelabeler.testsupport.MlflowTestServer;
import org.activelabeler.testsupport.SyntheticReviews;
import org.activelabeler.tracking.MetricPoint;
import org.activelabeler.tracking.RunData;
import org.activelabeler.tracking.RunEnd;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.tracking.RunStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;

/**
 * With the server down, records wait in the outbox; {@code sync} sends them once, in order, to the
 * server they were made for. A record the server refuses holds back the rest of its run until
 * {@code sync --drop-blocked} drops it; other runs go on.
 */
@MlflowIntegration
class OutboxSyncTest {

    @Test
    void recordsWaitWhileTheServerIsDownAndSyncSendsThemWithoutDuplicates(MlflowTestServer server,
                                                                          @TempDir Path dir) throws Exception {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(22).distinct(200);
        Path pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), reviews.subList(0, 150));
        Path holdout = SyntheticReviews.writeCsv(dir.resolve("holdout.csv"), reviews.subList(150, 200));
        String db = dir.resolve("db").toString();
        String down = "http://127.0.0.1:" + MlflowTestServer.freePort();

        String simulated = run("simulate", "--features", "tfidf,lsa", "--data", pool.toString(), "--holdout", holdout.toString(), "--init", "10",
                "--batch", "10", "--max-labels", "20", "--db", db, "--tracking-uri", down,
                "--experiment", "exp-outbox", "--registered-model", "model-outbox");
        // parent start + 2 x (shared features, child start, data, registration, end, parent data) + parent data
        // + parent end
        assertThat(simulated).contains("tracking: 15 records wait in the outbox");

        // the records were made for the server at `down`: sent to another only when asked
        assertThat(run("sync", "--db", db, "--tracking-uri", server.uri(), "--to-this-server"))
                .contains("Sent 15 tracking records to " + server.uri() + "; 0 wait.");
        assertThat(run("sync", "--db", db, "--tracking-uri", server.uri()))
                .contains("Sent 0 tracking records");

        try (MlflowClient client = new MlflowClient(server.uri())) {
            String experimentId = client.getExperimentByName("exp-outbox").orElseThrow().getExperimentId();
            List<RunInfo> runs = client.searchRuns(List.of(experimentId), "");
            assertThat(runs).hasSize(3).allSatisfy(r -> assertThat(r.getStatus().name()).isEqualTo("FINISHED"));
            RunInfo parent = runs.stream().filter(r -> SimulateTrackingTest.tag(client.getRun(r.getRunId()),
                    MlflowTrackingSink.PARENT_TAG) == null).findFirst().orElseThrow();
            assertThat(client.getMetricHistory(parent.getRunId(), "holdout_accuracy")).extracting(Metric::getStep)
                    .containsExactly(10L, 20L);
            assertThat(client.searchModelVersions("name = 'model-outbox'").getItems()).hasSize(2);
        }
    }

    @Test
    void aRecordTheServerRefusesHoldsBackOnlyItsOwnRunAndIsDroppedOnlyWhenAsked(MlflowTestServer server,
                                                                                @TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        RunRef neverStarted = new RunRef("exp-blocked", "never-started");
        RunRef run = new RunRef("exp-blocked", "run-after");
        try (Workspace workspace = Workspace.open(db)) {
            workspace.trackingOutbox().append(new RunData(neverStarted,
                    List.of(new MetricPoint("holdout_accuracy", 0.5, 10, 1)), List.of()), server.uri());
            workspace.trackingOutbox().append(new RunData(neverStarted,
                    List.of(new MetricPoint("holdout_accuracy", 0.6, 20, 2)), List.of()), server.uri());
            workspace.trackingOutbox().append(new RunStart(run, null, "after", 2, Map.of("seed", "1"), Map.of(),
                    List.of(), null), server.uri());
            workspace.trackingOutbox().append(new RunEnd(run, RunEnd.FINISHED, 3), server.uri());
        }

        Result blocked = runExit("sync", "--db", db.toString(), "--tracking-uri", server.uri());
        assertThat(blocked.exit()).isEqualTo(1);
        assertThat(blocked.output()).contains("Sent 2 tracking records to " + server.uri() + "; 2 wait")
                .contains("its start record was never sent")
                .contains("Blocked by record 1: data of a run: metrics [holdout_accuracy], files []; run key"
                        + " never-started, experiment 'exp-blocked'")
                .contains("sync --drop-blocked")
                .doesNotContain("[SQL:");
        try (MlflowClient client = new MlflowClient(server.uri())) {
            String experimentId = client.getExperimentByName("exp-blocked").orElseThrow().getExperimentId();
            assertThat(client.searchRuns(List.of(experimentId), "")).as("the other run is not held back")
                    .singleElement().satisfies(r -> assertThat(r.getStatus().name()).isEqualTo("FINISHED"));
        }
        assertThat(runExit("sync", "--db", db.toString(), "--tracking-uri", server.uri()).exit())
                .as("a blocked record stays until dropped").isEqualTo(1);

        Result dropped = runExit("sync", "--db", db.toString(), "--tracking-uri", server.uri(), "--drop-blocked");
        assertThat(dropped.exit()).as(dropped.output()).isEqualTo(1);
        assertThat(dropped.output()).contains("Dropped record 1: data of a run")
                .contains("Blocked by record 2: data of a run");
        Result second = runExit("sync", "--db", db.toString(), "--tracking-uri", server.uri(), "--drop-blocked");
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output()).contains("Dropped record 2").contains("0 wait.");
    }

    @Test
    void recordsMadeForAnotherServerWaitForItUnlessSentHereOnPurpose(MlflowTestServer server, @TempDir Path dir) {
        Path db = dir.resolve("db");
        String other = "http://127.0.0.1:9";
        RunRef run = new RunRef("exp-elsewhere", "made-for-another-server");
        try (Workspace workspace = Workspace.open(db)) {
            workspace.trackingOutbox().append(new RunStart(run, null, "elsewhere", 2, Map.of("seed", "1"), Map.of(),
                    List.of(), null), other);
            workspace.trackingOutbox().append(new RunEnd(run, RunEnd.FINISHED, 3), other);
        }

        Result waiting = runExit("sync", "--db", db.toString(), "--tracking-uri", server.uri());
        assertThat(waiting.exit()).isEqualTo(1);
        assertThat(waiting.output()).contains("Sent 0 tracking records")
                .contains("2 records were made for " + other + " and wait for it")
                .contains("--to-this-server");

        Result moved = runExit("sync", "--db", db.toString(), "--tracking-uri", server.uri(), "--to-this-server");
        assertThat(moved.exit()).as(moved.output()).isZero();
        assertThat(moved.output()).contains("Sent 2 tracking records to " + server.uri() + "; 0 wait.");
    }

    private record Result(int exit, String output) {
    }

    private static Result runExit(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Result(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private static String run(String... args) {
        return CommandLineRun.succeed(args);
    }
}
