package org.activelabeler.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.activelabeler.testsupport.MlflowInstallation;
import org.activelabeler.testsupport.MlflowIntegration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding {@code mlflow}, the tracking switch, and a real local server: start, answer, reuse, stop. */
class LocalMlflowServerTest {

    @Test
    void findsMlflowInTheConfiguredFileThenTheProjectEnvironmentThenThePath(@TempDir Path dir) throws Exception {
        Path onPath = executable(dir.resolve("bin/mlflow"));
        Path project = dir.resolve("project");
        Map<String, String> env = Map.of("PATH", dir.resolve("bin").toString());

        assertThat(MlflowExecutable.find(env, project, null)).contains(onPath);
        Path venv = executable(project.resolve(".venv/bin/mlflow"));
        assertThat(MlflowExecutable.find(env, project, null)).contains(venv);
        Path configured = executable(dir.resolve("elsewhere/mlflow"));
        assertThat(MlflowExecutable.find(Map.of(MlflowExecutable.ENV, configured.toString()), project, null))
                .contains(configured);
        assertThat(MlflowExecutable.find(Map.of("PATH", dir.resolve("none").toString()), dir.resolve("x"), null))
                .isEmpty();
        assertThatThrownBy(() -> MlflowExecutable.find(Map.of(MlflowExecutable.ENV, dir.resolve("nope").toString()),
                project, null)).hasMessageContaining(MlflowExecutable.ENV).hasMessageContaining("not an executable");
    }

    @Test
    void theSwitchKeepsTestsFromStartingAServerAndRejectsUnknownValues(@TempDir Path dir) {
        // set for every test by testsupport.NoLocalTrackingServer
        assertThat(System.getProperty(TrackingTarget.SWITCH_PROPERTY)).isEqualTo("off");
        try (TrackingTarget target = TrackingTarget.resolve(dir, null, Map.of())) {
            assertThat(target.sink()).isNull();
            assertThat(target.offReason()).contains(TrackingTarget.SWITCH + "=off");
        }
        assertThat(Files.exists(dir.resolve(LocalMlflowServer.FOLDER))).isFalse();

        String saved = System.clearProperty(TrackingTarget.SWITCH_PROPERTY);
        try {
            assertThat(TrackingTarget.autoStart(Map.of())).isTrue();
            assertThat(TrackingTarget.autoStart(Map.of(TrackingTarget.SWITCH, "OFF"))).isFalse();
            assertThatThrownBy(() -> TrackingTarget.autoStart(Map.of(TrackingTarget.SWITCH, "no")))
                    .hasMessageContaining("'no'").hasMessageContaining("'auto'");
        } finally {
            System.setProperty(TrackingTarget.SWITCH_PROPERTY, saved);
        }
    }

    @Test
    @MlflowIntegration
    void startsALocalServerWhenNoUriIsSetWhichAnswersIsReusedByAnotherProcessAndStops(@TempDir Path dir) {
        Optional<Path> mlflow = MlflowInstallation.executable();
        Assumptions.assumeTrue(mlflow.isPresent(), MlflowInstallation.absentReason());
        Path folder = dir.resolve(LocalMlflowServer.FOLDER);
        String uri;
        String saved = System.clearProperty(TrackingTarget.SWITCH_PROPERTY);
        try (TrackingTarget target = TrackingTarget.resolve(dir, null,
                Map.of(MlflowExecutable.ENV, mlflow.get().toString()))) {
            LocalMlflowServer owner = target.server();
            assertThat(owner.started()).isTrue();
            uri = owner.uri();
            assertThat(uri).startsWith("http://127.0.0.1:");
            assertThat(target.sink().address()).isEqualTo(uri);
            assertThat(target.sink().reachable()).isTrue();
            assertThat(LocalMlflowServer.recorded(folder)).contains(uri);
            assertThat(folder.resolve("mlflow.db")).exists();

            try (LocalMlflowServer reused = LocalMlflowServer.startOrReuse(mlflow.get(), folder)) {
                assertThat(reused.started()).isFalse();
                assertThat(reused.uri()).isEqualTo(uri);
            }
            assertThat(LocalMlflowServer.answers(uri)).as("a process that reused it leaves it running").isTrue();
        } finally {
            System.setProperty(TrackingTarget.SWITCH_PROPERTY, saved);
        }
        assertThat(LocalMlflowServer.answers(uri)).as("stopped with the target that started it").isFalse();
        assertThat(LocalMlflowServer.recorded(folder)).isEmpty();
    }

    private static Path executable(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
