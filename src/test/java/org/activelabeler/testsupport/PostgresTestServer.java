package org.activelabeler.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.activelabeler.store.postgres.PostgresAddress;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests, one per test JVM: a new cluster made with {@code initdb} in a
 * temporary folder, listening on 127.0.0.1 on a free port, with password authentication (scram-sha-256)
 * for the user {@link #USER}; stopped when the JVM exits. The binaries come from Debian's {@code postgresql}
 * package (or {@code ACTIVE_LABELER_PG_BIN}). As root, the server runs as the {@code postgres} user, since
 * PostgreSQL refuses to run as root. Where it cannot start, {@link #require} skips the test with the reason.
 */
public final class PostgresTestServer {
    public static final String USER = "labeler";
    public static final String PASSWORD = "team-secret";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresTestServer instance;
    private static String unavailable;

    private final int port;

    private PostgresTestServer(int port) {
        this.port = port;
    }

    /** The running server; skips the calling test with the reason where none can start. */
    public static synchronized PostgresTestServer require() {
        startOnce();
        Assumptions.assumeTrue(instance != null, unavailable);
        return instance;
    }

    /** The running server, for a benchmark; throws with the reason where none can start. */
    public static synchronized PostgresTestServer startForBenchmark() {
        startOnce();
        if (instance == null) {
            throw new IllegalStateException(unavailable);
        }
        return instance;
    }

    private static void startOnce() {
        if (instance == null && unavailable == null) {
            try {
                instance = start();
            } catch (Exception e) {
                unavailable = "No PostgreSQL server could be started for the tests: " + e.getMessage();
            }
        }
    }

    public int port() {
        return port;
    }

    /** A new empty database on the server, and its address. */
    public PostgresAddress freshDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        return PostgresAddress.parse(url(name) + "?user=" + USER, Map.of());
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresTestServer start() throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("no initdb and pg_ctl found (install"
                + " Debian's postgresql package, or set ACTIVE_LABELER_PG_BIN to the folder that holds them)"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path home = Files.createTempDirectory("active-labeler-pg");
        Path data = home.resolve("data");
        Path passwordFile = home.resolve("password");
        Files.writeString(passwordFile, PASSWORD, StandardCharsets.UTF_8);
        if (root) {
            chownToPostgres(home, passwordFile);
        }
        run(root, home, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile="
                + passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--no-instructions");
        int port = freePort();
        run(root, home, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("server.log")
                .toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1"
                + " -c max_connections=200", "start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(root, bin, home, data)));
        return new PostgresTestServer(port);
    }

    private static void stop(boolean root, Path bin, Path home, Path data) {
        try {
            run(root, home, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (Exception e) {
            // the JVM is going away; a server left behind dies with the machine's temporary folder
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }

    private static Optional<Path> binaries() {
        String configured = System.getenv("ACTIVE_LABELER_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(PostgresTestServer::hasServer);
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> each = Files.list(versions)) {
            return each.map(v -> v.resolve("bin")).filter(PostgresTestServer::hasServer)
                    .max(Comparator.comparing(p -> versionOf(p.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path folder) {
        try {
            return Integer.parseInt(folder.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean hasServer(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static void chownToPostgres(Path... paths) throws IOException {
        UserPrincipal postgres;
        try {
            postgres = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        } catch (IOException e) {
            throw new IllegalStateException("running as root, and there is no postgres user to run the server as");
        }
        for (Path path : paths) {
            Files.setOwner(path, postgres);
        }
    }

    private static void run(boolean root, Path home, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Path log = Files.createTempFile("active-labeler-pg", ".log");
        Process process = new ProcessBuilder(line).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command[0] + " did not finish within 2 minutes");
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(Path.of(command[0]).getFileName() + " failed (exit " + process.exitValue()
                    + "): " + output.strip());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
