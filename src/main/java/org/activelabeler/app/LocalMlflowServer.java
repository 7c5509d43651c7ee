package org.activelabeler.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * An {@code mlflow server} on 127.0.0.1 whose store lives in a folder of the app's data folder:
 * SQLite for runs and the registry, a folder for artifacts, which it serves. The server is recorded
 * in {@value #RECORD} in that folder; another process that finds it there and answering uses it
 * rather than starting a second one, and leaves it running. The process that started it stops it
 * on {@link #close} (or when the JVM exits).
 */
public final class LocalMlflowServer implements AutoCloseable {
    public static final String FOLDER = "mlflow";
    static final String RECORD = "server.properties";
    static final String LOG = "server.log";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final String uri;
    private final Path folder;
    private final Process process;
    private final Thread shutdownHook;
    private boolean closed;

    private LocalMlflowServer(String uri, Path folder, Process process) {
        this.uri = uri;
        this.folder = folder;
        this.process = process;
        this.shutdownHook = process == null ? null : new Thread(this::stop, "mlflow-server-stop");
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** The server recorded in {@code folder} when it answers, else a new one started with {@code mlflow}. */
    public static LocalMlflowServer startOrReuse(Path mlflow, Path folder) {
        Optional<String> recorded = recorded(folder);
        if (recorded.isPresent() && answers(recorded.get())) {
            return new LocalMlflowServer(recorded.get(), folder, null);
        }
        return start(mlflow, folder);
    }

    private static LocalMlflowServer start(Path mlflow, Path folder) {
        Path log = folder.resolve(LOG);
        Process process;
        String uri;
        try {
            Files.createDirectories(folder.resolve("artifacts"));
            int port = freePort();
            uri = "http://127.0.0.1:" + port;
            ProcessBuilder builder = new ProcessBuilder(List.of(mlflow.toString(), "server", "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--workers", "1",
                    "--backend-store-uri", "sqlite:///" + slashes(folder.resolve("mlflow.db")),
                    "--artifacts-destination", folder.resolve("artifacts").toAbsolutePath().toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // MLflow 3 otherwise starts a job runner with several worker processes, unused for tracking,
            // and takes three times as long to answer; MLflow 2 ignores the variable.
            builder.environment().put("MLFLOW_SERVER_ENABLE_JOB_EXECUTION", "false");
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start `" + mlflow + " server` in " + folder + ": " + e.getMessage(),
                    e);
        }
        LocalMlflowServer server = new LocalMlflowServer(uri, folder, process);
        try {
            server.awaitAnswer(log);
            server.writeRecord();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public String uri() {
        return uri;
    }

    /** The folder with the store, the record and the server's log. */
    public Path folder() {
        return folder;
    }

    /** Whether this process started the server (and so stops it). */
    public boolean started() {
        return process != null;
    }

    /** Blocks until the server's process ends; only for a server this process started. */
    public int waitFor() throws InterruptedException {
        if (process == null) {
            throw new IllegalStateException("The server at " + uri + " was started by another process");
        }
        return process.waitFor();
    }

    static boolean answers(String uri) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PROBE_TIMEOUT)
                .build();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(uri + "/health"))
                    .timeout(PROBE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitAnswer(Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("`mlflow server` exited with " + process.exitValue()
                            + " before it answered; its log: " + log + "\n" + tail(log));
                }
                if (answers(uri)) {
                    return;
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for `mlflow server` at " + uri, e);
        }
        throw new IllegalStateException("`mlflow server` did not answer at " + uri + " within "
                + START_TIMEOUT.toSeconds() + " s; its log: " + log + "\n" + tail(log));
    }

    static Optional<String> recorded(Path folder) {
        Path record = folder.resolve(RECORD);
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(record)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(properties.getProperty("uri"));
    }

    private void writeRecord() {
        Properties properties = new Properties();
        properties.setProperty("uri", uri);
        properties.setProperty("pid", Long.toString(process.pid()));
        try (OutputStream out = Files.newOutputStream(folder.resolve(RECORD))) {
            properties.store(out, "mlflow server started by active-labeler; stopped when that process ends");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the local MLflow server in " + folder, e);
        }
    }

    /** Stops the server when this process started it; a server of another process keeps running. */
    @Override
    public void close() {
        if (process == null || closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook stops the server
            return;
        }
        stop();
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (recorded(folder).filter(uri::equals).isPresent()) {
            try {
                Files.deleteIfExists(folder.resolve(RECORD));
            } catch (IOException e) {
                // a stale record is harmless: the next start finds it not answering
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String slashes(Path path) {
        return path.toAbsolutePath().toString().replace('\\', '/');
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "mlflow server at " + uri + " (store " + folder + ")";
    }
}
