package org.activelabeler.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds the {@code mlflow} executable for the integration tests. The Maven build makes the
 * environments ({@code scripts/setup-mlflow.sh}, before the tests) and names the executable of each
 * surefire execution in the system property {@value #PROPERTY}: {@code .venv} (the pinned 2.17.2)
 * for all tests, {@code .venv-mlflow3} for the second run of the tests tagged {@value #TAG}.
 *
 * <p>Where {@value #ONLY_PROPERTY} is {@code true} (the 3.x run) that executable is the only one
 * used, and it must be the version {@value #VERSION_PROPERTY} starts with; without it those tests
 * are skipped. Otherwise the order is {@code ACTIVE_LABELER_MLFLOW}, the property, the repository's
 * {@code .venv} (for runs outside Maven, such as an IDE's), the PATH.
 */
public final class MlflowInstallation {
    public static final String ENV = "ACTIVE_LABELER_MLFLOW";
    /** The JUnit tag of the tests that talk to a real MLflow; the build runs them against each version. */
    public static final String TAG = "mlflow";
    /**
     * The tag of {@code mlflow run} (a nested Maven build of the checkout, minutes): the 3.x run leaves it
     * out unless {@code -Dmlflow3.excludedGroups=} (empty) asks for it.
     */
    public static final String PROJECT_TAG = "mlflow-project";
    static final String PROPERTY = "activelabeler.mlflow";
    static final String ONLY_PROPERTY = "activelabeler.mlflow.only";
    static final String VERSION_PROPERTY = "activelabeler.mlflow.version";
    private static final Map<Path, String> VERSIONS = new ConcurrentHashMap<>();

    private MlflowInstallation() {
    }

    public static Optional<Path> executable() {
        Optional<Path> built = property().filter(Files::isExecutable);
        if (Boolean.getBoolean(ONLY_PROPERTY)) {
            built.ifPresent(MlflowInstallation::checkVersion);
            return built;
        }
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(ENV + " is " + configured + ", which is not an executable file");
            }
            return Optional.of(path);
        }
        if (built.isPresent()) {
            return built;
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

    /** The version of the {@code mlflow} package beside the executable, as pip installed it. */
    public static String version(Path mlflow) {
        return VERSIONS.computeIfAbsent(mlflow, MlflowInstallation::readVersion);
    }

    public static String absentReason() {
        if (Boolean.getBoolean(ONLY_PROPERTY)) {
            return "No MLflow " + System.getProperty(VERSION_PROPERTY, "") + "x at " + property().orElse(null)
                    + ": the build makes it before the tests (scripts/setup-mlflow.sh; it needs python3 3.11 or"
                    + " later with venv, and says in the build log why it made nothing), unless"
                    + " -Dmlflow.setup.skip=true";
        }
        return "No mlflow executable: set " + ENV + ", let the build make .venv (./mvnw verify runs"
                + " scripts/setup-mlflow.sh, which needs python3 3.11 or later with venv; the build log says why it"
                + " made nothing), or put mlflow on the PATH";
    }

    private static Optional<Path> property() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    private static void checkVersion(Path mlflow) {
        String expected = System.getProperty(VERSION_PROPERTY, "");
        String actual = version(mlflow);
        if (!actual.startsWith(expected)) {
            throw new IllegalStateException(mlflow + " is MLflow " + actual + ", not the " + expected + "x that "
                    + PROPERTY + " should name here");
        }
    }

    private static String readVersion(Path mlflow) {
        try {
            Process process = new ProcessBuilder(List.of(python(mlflow).toString(), "-c",
                    "import importlib.metadata as m; print(m.version('mlflow'))")).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Cannot read the mlflow version beside " + mlflow + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the mlflow version beside " + mlflow + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading the mlflow version beside " + mlflow, e);
        }
    }
}
