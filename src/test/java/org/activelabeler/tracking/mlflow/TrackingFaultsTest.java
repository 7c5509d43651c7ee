package org.activelabeler.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.activelabeler.app.Workspace;
import org.activelabeler.cli.Main;
import org.activelabeler.testsupport.FaultyProxy;
import org.activelabeler.testsupport.MlflowArtifacts;
import org.activelabeler.testsupport.MlflowInstallation;
import org.activelabeler.testsupport.MlflowIntegration;
import org.activelabeler.testsupport.MlflowTestServer;
import org.activelabeler.testsupport.CommandLineRun;
import org.activelabeler.testsupport.SyntheticReviews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;

/**
 * {@code simulate} while the MLflow server is gone, answers 503, takes requests and never answers,
 * or is killed in the middle of the run; then {@code sync}. Each time the server ends up with
 * exactly what a run against a healthy server gives: the same runs, params, metric steps, artifacts
 * and model versions, nothing twice. The table it prints goes to docs/reliability.md.
 */
@MlflowIntegration
class TrackingFaultsTest {
    @TempDir
    static Path dir;
    private static Path pool;
    private static Path holdout;
    private static final List<String> TABLE = new ArrayList<>();

    @BeforeAll
    static void data() {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(31).distinct(160);
        pool = SyntheticReviews.writeCsv(dir.resolve("pool.csv"), reviews.subList(0, 120));
        holdout = SyntheticReviews.writeCsv(dir.resolve("holdout.csv"), reviews.subList(120, 160));
        System.setProperty("activelabeler.mlflow.call-timeout-seconds", "3");
        TABLE.add("| server during the run | records waiting after the run | sent by sync | runs | metric points"
                + " | artifacts | model versions | duplicates |");
        TABLE.add("|---|---:|---:|---:|---:|---:|---:|---:|");
    }

    @AfterAll
    static void table() throws IOException {
        System.clearProperty("activelabeler.mlflow.call-timeout-seconds");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "tracking-faults.md"), TABLE, StandardCharsets.UTF_8);
    }

    @Test
    void aRunAgainstAFaultyServerEndsUpAsAgainstAHealthyOneAfterSync(MlflowTestServer server) throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(server.uri())) {
            Shape clean = scenario(server, proxy, "healthy", null);
            assertThat(clean.runs()).hasSize(4);
            for (FaultyProxy.Mode fault : List.of(FaultyProxy.Mode.GONE, FaultyProxy.Mode.UNAVAILABLE,
                    FaultyProxy.Mode.HANG)) {
                Shape faulty = scenario(server, proxy, fault.name().toLowerCase(Locale.ROOT), fault);
                assertThat(faulty.runs()).as(fault.name()).isEqualTo(clean.runs());
                assertThat(faulty.versions()).as(fault.name()).isEqualTo(clean.versions());
            }
        }
    }

    @Test
    void aServerKilledInTheMiddleOfARunGetsTheRestFromSync(MlflowTestServer reference) throws Exception {
        Path mlflow = MlflowInstallation.executable().orElseThrow();
        try (FaultyProxy proxy = new FaultyProxy(reference.uri());
             KillableServer server = KillableServer.start(mlflow, dir.resolve("killable"))) {
            Shape clean = scenario(reference, proxy, "healthy-reference", null);
            String experiment = "faults-killed";
            Path db = dir.resolve("db-killed");
            CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> simulate(db, server.uri(), experiment));
            try (MlflowClient client = new MlflowClient(server.uri())) {
                waitFor(() -> client.getExperimentByName(experiment).map(e -> client.searchRuns(
                        List.of(e.getExperimentId()), "").size() >= 2).orElse(false));
            }
            server.kill();
            String output = run.get(5, TimeUnit.MINUTES);
            int waiting = waiting(db);
            assertThat(waiting).as(output).isPositive();
            server.restart();
            String synced = run(0, "sync", "--db", db.toString(), "--tracking-uri", server.uri());
            Shape after = shape(server.uri(), experiment);
            record("killed after its first runs, then restarted", waiting, synced, after, clean);
            assertThat(after.runs()).isEqualTo(clean.runs());
            assertThat(after.versions()).isEqualTo(clean.versions());
        }
    }

    /** Runs simulate through the proxy, the fault on (null for none), then syncs with the proxy healthy. */
    private static Shape scenario(MlflowTestServer server, FaultyProxy proxy, String name, FaultyProxy.Mode fault)
            throws Exception {
        String experiment = "faults-" + name;
        Path db = dir.resolve("db-" + name);
        proxy.mode(fault == null ? FaultyProxy.Mode.FORWARD : fault);
        String output = simulate(db, proxy.uri(), experiment);
        int waiting = waiting(db);
        proxy.mode(FaultyProxy.Mode.FORWARD);
        if (fault != null) {
            assertThat(waiting).as(output).isPositive();
        }
        String synced = run(0, "sync", "--db", db.toString(), "--tracking-uri", proxy.uri());
        assertThat(waiting(db)).isZero();
        Shape shape = shape(server.uri(), experiment);
        record(fault == null ? name : describe(fault), waiting, synced, shape, null);
        return shape;
    }

    private static String describe(FaultyProxy.Mode fault) {
        return switch (fault) {
            case GONE -> "gone (connection refused)";
            case UNAVAILABLE -> "answering 503";
            case HANG -> "taking requests and never answering";
            default -> fault.name();
        };
    }

    private static String simulate(Path db, String trackingUri, String experiment) {
        return run(0, "simulate", "--features", "tfidf,lsa", "--data", pool.toString(), "--holdout", holdout.toString(), "--init", "10",
                "--batch", "10", "--max-labels", "30", "--db", db.toString(), "--tracking-uri", trackingUri,
                "--experiment", experiment, "--registered-model", experiment + "-model");
    }

    private static int waiting(Path db) {
        try (Workspace workspace = Workspace.open(db)) {
            return workspace.trackingOutbox().count();
        }
    }

    /** What the server holds for an experiment, without ids and times: runs, params, metric steps, files. */
    record Shape(List<String> runs, int versions, int metricPoints, int artifacts) {
    }

    private static Shape shape(String uri, String experiment) {
        try (MlflowClient client = new MlflowClient(uri)) {
            String experimentId = client.getExperimentByName(experiment).orElseThrow().getExperimentId();
            List<String> runs = new ArrayList<>();
            int points = 0;
            int files = 0;
            for (RunInfo info : client.searchRuns(List.of(experimentId), "")) {
                Run run = client.getRun(info.getRunId());
                TreeMap<String, String> params = new TreeMap<>();
                run.getData().getParamsList().forEach(p -> params.put(p.getKey(), p.getValue()));
                TreeMap<String, List<Long>> steps = new TreeMap<>();
                for (var latest : run.getData().getMetricsList()) {
                    List<Metric> history = client.getMetricHistory(info.getRunId(), latest.getKey());
                    points += history.size();
                    steps.put(latest.getKey(), history.stream().map(Metric::getStep).sorted().toList());
                }
                List<String> artifacts = MlflowArtifacts.files(client, info.getRunId());
                files += artifacts.size();
                runs.add(SimulateTrackingTest.tag(run, "mlflow.runName") + " " + info.getStatus() + " params="
                        + params + " metrics=" + steps + " artifacts=" + artifacts);
            }
            runs.sort(null);
            int versions = client.searchModelVersions("name = '" + experiment + "-model'").getItems().size();
            return new Shape(runs, versions, points, files);
        }
    }

    private static void record(String what, int waiting, String synced, Shape shape, Shape clean) {
        String sent = synced.lines().filter(l -> l.startsWith("Sent ")).findFirst().orElse("?")
                .replaceAll("^Sent (\\d+).*", "$1");
        long duplicates = clean == null ? 0 : Math.max(0, shape.metricPoints() - clean.metricPoints())
                + Math.max(0, shape.runs().size() - clean.runs().size())
                + Math.max(0, shape.versions() - clean.versions());
        TABLE.add("| " + what + " | " + waiting + " | " + sent + " | " + shape.runs().size() + " | "
                + shape.metricPoints() + " | " + shape.artifacts() + " | " + shape.versions() + " | " + duplicates
                + " |");
    }

    private static String run(int expectedExit, String... args) {
        return CommandLineRun.expect(expectedExit, args);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A real mlflow server on a fixed port and store that can be killed (SIGKILL) and started again. */
    private static final class KillableServer implements AutoCloseable {
        private final Path mlflow;
        private final Path folder;
        private final int port;
        private Process process;

        private KillableServer(Path mlflow, Path folder, int port) {
            this.mlflow = mlflow;
            this.folder = folder;
            this.port = port;
        }

        static KillableServer start(Path mlflow, Path folder) throws Exception {
            KillableServer server = new KillableServer(mlflow, Files.createDirectories(folder),
                    MlflowTestServer.freePort());
            server.restart();
            return server;
        }

        String uri() {
            return "http://127.0.0.1:" + port;
        }

        void restart() throws Exception {
            ProcessBuilder builder = new ProcessBuilder(List.of(mlflow.toString(), "server", "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--workers", "1", "--backend-store-uri", "sqlite:///"
                    + folder.resolve("mlflow.db"), "--artifacts-destination", folder.resolve("artifacts").toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                            folder.resolve("server.log").toFile()));
            // MLflow 3 otherwise starts a job runner of its own (not used for tracking)
            builder.environment().put("MLFLOW_SERVER_ENABLE_JOB_EXECUTION", "false");
            process = builder.start();
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(uri() + "/health")).timeout(Duration.ofSeconds(2))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not up yet
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("mlflow server did not start: " + Files.readString(
                    folder.resolve("server.log")).lines().collect(Collectors.joining("\n")));
        }

        void kill() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null && process.isAlive()) {
                kill();
            }
        }
    }
}
