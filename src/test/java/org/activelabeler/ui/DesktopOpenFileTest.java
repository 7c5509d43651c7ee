package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.testsupport.SyntheticReviews;
import org.activelabeler.training.djl.NgramLogisticClassifier;
import org.activelabeler.ui.task.FxTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A file given on the command line (or opened from the file manager) goes through the import dialog
 * once the window is up, and its dataset opens; the arguments that mean the window.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopOpenFileTest {
    @TempDir
    static Path dir;
    private static Path file;
    private final List<Path> asked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        file = SyntheticReviews.writeCsv(dir.resolve("new-reviews.csv"), new SyntheticReviews(4).distinct(30));
        AppShell shell = new AppShell(new AppConfig(dir.resolve("home"), new FxTaskExecutor(), Runnable::run,
                features -> new NgramLogisticClassifier(ClassifierSettings.builder().optMaxEpochs(5).build(), features),
                address -> { }, false, Map.of()));
        shell.importDialogs(window -> null, (window, choices) -> {
            asked.add(choices.file());
            return Optional.of(choices.options());
        });
        shell.importOnOpen(DesktopArguments.parse(List.of("--db", dir.resolve("home").toString(), file.toString()))
                .file());
        shell.show(stage);
    }

    @Test
    void theFileGoesThroughTheImportDialogAndItsDatasetOpens(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#labeled-count").tryQuery().isPresent());
        assertThat(asked).containsExactly(file.toAbsolutePath());
        assertThat(robot.lookup("#labeled-count").queryAs(Label.class).getText()).isEqualTo("0 of 30");
    }

    @Test
    void theWindowTakesADataFolderAndOneExistingFile() {
        assertThat(DesktopArguments.areFor(new String[] {file.toString()})).isTrue();
        assertThat(DesktopArguments.areFor(new String[] {"import", "--data", file.toString()})).isFalse();
        assertThat(DesktopArguments.parse(List.of(file.toString())).file()).isEqualTo(file.toAbsolutePath());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DesktopArguments.parse(
                List.of(dir.resolve("missing.csv").toString()))).hasMessageContaining("There is no file")
                .hasMessageContaining("missing.csv");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DesktopArguments.parse(List.of("--verbose")))
                .hasMessageContaining("[--db DIR|URL] [FILE]");
        DesktopArguments team = DesktopArguments.parse(List.of("--db", "jdbc:postgresql://labels.example.org/imdb?user=ann"));
        assertThat(team.folder()).as("a team's database, not a folder named jdbc:postgresql:").isNull();
        assertThat(team.team().toString()).isEqualTo("postgresql://ann@labels.example.org:5432/imdb");
        assertThat(DesktopArguments.parse(List.of("--db=" + dir)).folder()).isEqualTo(dir);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DesktopArguments.parse(List.of("--db",
                "jdbc:postgresql://h/db?password=secret"))).hasMessageContaining("ACTIVE_LABELER_DB_PASSWORD")
                .hasMessageNotContaining("secret");
    }
}
