package org.activelabeler.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code mlflow server} on 127.0.0.1 on a free port, with a SQLite store and artifact
 * serving in a temporary folder; one per test run (per surefire execution, so one per MLflow version),
 * started by {@link MlflowServerExtension}.
 */
public final class MlflowTestServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private final Path mlflow;
    private final Path folder;
    private final Process process;
    private final String uri;

    private MlflowTestServer(Path mlflow, Path folder, Process process, String uri) {
        this.mlflow = mlflow;
        this.folder = folder;
        this.process = process;
        this.uri = uri;
    }

    static MlflowTestServer start(Path mlflow) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("mlflow-test-server");
        int port = freePort();
        Path log = folder.resolve("server.log");
        // 3.x: its security middleware lets Host 127.0.0.1 (any port) through by default, so no
        // --allowed-hosts (a flag 2.17 does not know). Its job runner (7 huey worker processes, for GenAI
        // features such as scorers) is not needed for tracking: off, the server answers in about 7 s, not 25 s,
        // on two cores. 2.17 ignores the variable.
        ProcessBuilder builder = new ProcessBuilder(List.of(mlflow.toString(), "server", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--workers", "1",
                "--backend-store-uri", "sqlite:///" + folder.resolve("mlflow.db"),
                "--artifacts-destination", folder.resolve("artifacts").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MLFLOW_SERVER_ENABLE_JOB_EXECUTION", "false");
        Process process = builder.start();
        MlflowTestServer server = new MlflowTestServer(mlflow, folder, process, "http://127.0.0.1:" + port);
        try {
            server.awaitHealthy(log);
            System.out.println("Started " + server);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public String uri() {
        return uri;
    }

    public Path mlflow() {
        return mlflow;
    }

    public Path python() {
        return MlflowInstallation.python(mlflow);
    }

    /** A port nothing listens on, for a server that is down. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealthy(Path log) throws IOException, InterruptedException {
        // HTTP/1.1: Java's default (HTTP/2) asks for an h2c upgrade, which 3.x's uvicorn logs as a warning
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mlflow server exited with " + process.exitValue() + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("mlflow server did not answer on " + uri + " within "
                + START_TIMEOUT.toSeconds() + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        String version;
        try {
            version = MlflowInstallation.version(mlflow);
        } catch (RuntimeException e) {
            version = "(version unknown)";
        }
        return "mlflow server " + version + " at " + uri + " (" + mlflow + ", store " + folder + ")";
    }
}
