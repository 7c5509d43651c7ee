package org.activelabeler.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CrashChild} in a JVM of its own, with the test's class path. Its standard output is read
 * line by line as it comes; {@link #kill} sends SIGKILL, and afterwards {@link #lines} holds every
 * line the child printed before it died.
 */
public final class KilledChild implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private KilledChild(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "crash-child-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static KilledChild start(Path log, String... args) {
        return start(log, java.util.Map.of(), args);
    }

    /** As {@link #start(Path, String...)}, with {@code env} added to the child's environment. */
    public static KilledChild start(Path log, java.util.Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx512m", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                "-Dai.djl.pytorch.num_interop_threads=1", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
            builder.environment().putAll(env);
            return new KilledChild(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the pipe breaks when the process dies
        }
    }

    /** Waits until a line starting with {@code prefix} was printed; false if the child died or time ran out. */
    public boolean await(String prefix, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(l -> l.startsWith(prefix))) {
                return true;
            }
            if (!process.isAlive()) {
                reader.join(2000);
                return lines.stream().anyMatch(l -> l.startsWith(prefix));
            }
            Thread.sleep(2);
        }
        return false;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL (destroyForcibly on Unix), then every line the child managed to print. */
    public List<String> kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(5000);
        return List.copyOf(lines);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
