package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.activelabeler.crash.KilledChild;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.training.djl.NgramLogisticClassifier;
import org.activelabeler.ui.task.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Another process holds the data folder: the window says so and offers Retry (which works once the
 * other process is gone) and another data folder, instead of a blank screen.
 */
@ExtendWith(ApplicationExtension.class)
class FolderProblemTest {
    @TempDir
    static Path dir;
    private static KilledChild holder;
    private AppShell shell;

    @Start
    void start(Stage stage) throws Exception {
        Path held = dir.resolve("held");
        holder = KilledChild.start(dir.resolve("holder.log"), "hold", held.toString());
        assertThat(holder.await("READY", 60_000)).as("the other process opened the folder").isTrue();
        shell = new AppShell(new AppConfig(held, new FxTaskExecutor(), Runnable::run,
                features -> new NgramLogisticClassifier(ClassifierSettings.builder().build(), features),
                address -> { }, false, Map.of()));
        shell.show(stage);
    }

    @AfterEach
    void stopHolder() throws InterruptedException {
        holder.close();
    }

    @Test
    void retryOpensTheFolderOnceTheOtherProcessIsGone(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#folder-problem").tryQuery().isPresent());
        assertThat(robot.lookup("#folder-problem-reason").queryAs(Label.class).getText())
                .contains("open in another Active Labeler process");

        robot.clickOn("#retry-folder");
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup("#folder-problem").tryQuery().isPresent());

        holder.kill();
        robot.clickOn("#retry-folder");
        waitUntil(() -> robot.lookup("#welcome").tryQuery().isPresent());
        assertThat(shell.folder()).isEqualTo(dir.resolve("held"));
        robot.interact(shell::close);
    }

    @Test
    void anotherDataFolderCanBeOpenedInstead(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#folder-problem").tryQuery().isPresent());
        Path other = dir.resolve("other");
        robot.interact(() -> shell.folderChooser(window -> other));

        robot.clickOn("#open-other-folder");
        waitUntil(() -> robot.lookup("#welcome").tryQuery().isPresent());
        assertThat(shell.folder()).isEqualTo(other);
        robot.interact(shell::close);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
