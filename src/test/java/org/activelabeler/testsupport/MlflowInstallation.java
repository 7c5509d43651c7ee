package org.activelabeler.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the {@code mlflow} executable for the integration tests: {@code ACTIVE_LABELER_MLFLOW}
 * (set by {@code .ci/run}), else the repository's {@code .venv} (made by
 * {@code scripts/setup-mlflow.sh}), else the PATH.
 */
public final class MlflowInstallation {
    public static final String ENV = "ACTIVE_LABELER_MLFLOW";

    private MlflowInstallation() {
    }

    public static Optional<Path> executable() {
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(ENV + " is " + configured + ", which is not an executable file");
            }
            return Optional.of(path);
        }
        Path venv = Path.of(".venv", "bin", "mlflow").toAbsolutePath();
        if (Files.isExecutable(venv)) {
            return Optional.of(venv);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "mlflow")).filter(Files::isExecutable)
                .findFirst();
    }

    /** The Python beside the executable, which has the {@code mlflow} package. */
    public static Path python(Path mlflow) {
        Path python = mlflow.resolveSibling("python");
        return Files.isExecutable(python) ? python : mlflow.resolveSibling("python3");
    }

    public static String absentReason() {
        return "No mlflow executable: set " + ENV + ", run scripts/setup-mlflow.sh (makes .venv), or put mlflow"
                + " on the PATH; .ci/run does the second";
    }
}
