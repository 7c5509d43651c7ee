package org.activelabeler.app;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@code mlflow} command: {@code ACTIVE_LABELER_MLFLOW} when set, else the project's own
 * environment ({@code .venv} in the working folder or in the checkout the jar was built in, made by
 * {@code scripts/setup-mlflow.sh}), else the PATH.
 */
public final class MlflowExecutable {
    public static final String ENV = "ACTIVE_LABELER_MLFLOW";

    private MlflowExecutable() {
    }

    public static Optional<Path> find(Map<String, String> env) {
        return find(env, Path.of("").toAbsolutePath(), jarCheckout());
    }

    static Optional<Path> find(Map<String, String> env, Path workingFolder, Path checkout) {
        String configured = env.get(ENV);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalArgumentException(ENV + " is " + configured + ", which is not an executable file");
            }
            return Optional.of(path);
        }
        List<Path> candidates = new ArrayList<>();
        candidates.addAll(inVenv(workingFolder));
        if (checkout != null) {
            candidates.addAll(inVenv(checkout));
        }
        for (String folder : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isBlank()) {
                candidates.add(Path.of(folder, "mlflow"));
                candidates.add(Path.of(folder, "mlflow.exe"));
            }
        }
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    private static List<Path> inVenv(Path folder) {
        return List.of(folder.resolve(".venv/bin/mlflow"), folder.resolve(".venv/Scripts/mlflow.exe"));
    }

    /** The folder above {@code target/} when the app runs from a build of a checkout, else null. */
    private static Path jarCheckout() {
        try {
            Path code = Path.of(MlflowExecutable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = code.getParent();
            return target != null && target.getFileName() != null && target.getFileName().toString().equals("target")
                    ? target.getParent() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
