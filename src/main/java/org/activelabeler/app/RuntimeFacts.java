package org.activelabeler.app;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Versions and source commit a tracked run records, so that it can be repeated. */
public final class RuntimeFacts {
    public static final String GIT_COMMIT_TAG = "mlflow.source.git.commit";

    private RuntimeFacts() {
    }

    /** App, DJL, PyTorch and Java versions, and the git commit of the working folder when there is one. */
    public static Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("active_labeler.version", AppVersion.get());
        tags.put("djl.version", Engine.getDjlVersion());
        tags.put("pytorch.version", Engine.getEngine("PyTorch").getVersion());
        tags.put("java.version", System.getProperty("java.version"));
        gitCommit().ifPresent(commit -> tags.put(GIT_COMMIT_TAG, commit));
        return tags;
    }

    /** {@code git rev-parse HEAD} in the working folder; empty outside a checkout or without git. */
    static Optional<String> gitCommit() {
        Process process;
        try {
            process = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readNBytes(200), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 && text.matches("[0-9a-f]{40}") ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
