package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activelabeler.app.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Ctrl+= and Ctrl+- change the text size (kept); Find on Monocle: Ctrl+F opens the Find window, a word finds its text, Enter on the hit opens it in
 * the labeling view, and a key labels it there; the same text found again shows its label.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopFindTest {
    private static final int REVIEWS = 16;
    @TempDir
    static Path dir;
    private AppShell shell;
    private long datasetId;
    private long[] ids;

    @Start
    void start(Stage stage) {
        Path folder = dir.resolve("home");
        try (Workspace workspace = Workspace.open(folder)) {
            datasetId = UiFixture.importInto(workspace, UiFixture.writeCsv(dir.resolve("reviews.csv"), REVIEWS)).id();
            ids = UiFixture.open(workspace, datasetId).corpus().reviewIds();
        }
        UiFixture.writeSettings(folder, "dataset.last=" + datasetId + "\nbatch=50\nannotator=tester\n");
        shell = UiFixture.shell(folder, 5);
        shell.show(stage);
    }

    @Test
    void aWordFindsItsTextWhichOpensAndIsLabeledInTheLabelingView(FxRobot robot) throws Exception {
        FxWait.until(() -> robot.lookup("#labeled-count").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        assertThat(shell.fontSize()).isEqualTo(AppShell.DEFAULT_FONT + 2);
        assertThat(shell.scene().getRoot().getStyle()).contains("-fx-font-size: 16px");
        assertThat(FxWait.text(robot, "#round-notice")).startsWith("Text size 16 px");
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        UiSettings.flush();
        assertThat(UiSettings.load(dir.resolve("home")).getInt(AppShell.FONT_SIZE, 0)).as("kept").isEqualTo(15);
        robot.type(KeyCode.DIGIT1).type(KeyCode.DIGIT1);
        String onScreen = FxWait.text(robot, "#review-text");

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#find-query").tryQuery().isPresent());
        robot.clickOn("#find-query").write("ending").type(KeyCode.ENTER);
        FxWait.until(() -> FxWait.text(robot, "#find-status").matches("\\d+ of " + REVIEWS + " texts match.*"));
        assertThat(robot.lookup("#find-hits").queryAs(ListView.class).getItems()).isNotEmpty();
        robot.interact(() -> {
            shell.screen().find().queryProperty().set("\u201Cending\u201D");
            shell.screen().find().search();
        });
        FxWait.until(() -> FxWait.text(robot, "#find-status").startsWith("1 of " + REVIEWS + " texts match"));
        ListView<?> hits = robot.lookup("#find-hits").queryAs(ListView.class);
        assertThat(hits.getItems()).hasSize(1);
        assertThat(hits.getItems().get(0).toString()).contains("unlabeled");

        robot.interact(() -> hits.getSelectionModel().select(0));
        robot.clickOn("#find-hits").type(KeyCode.ENTER);
        FxWait.until(() -> FxWait.text(robot, "#review-text").contains("\u201Cending\u201D"));
        assertThat(FxWait.text(robot, "#review-text")).isNotEqualTo(onScreen);

        robot.interact(() -> shell.screen().labeling().label(1));
        assertThat(FxWait.text(robot, "#labeled-count")).isEqualTo("3 of " + REVIEWS);
        assertThat(FxWait.text(robot, "#review-text")).as("back to the text that was on screen").isEqualTo(onScreen);
        robot.interact(() -> shell.screen().labeling().open(ids[0]));
        assertThat(FxWait.text(robot, "#review-title")).isEqualTo("Text #1 in the file (labeled positive)");
    }
}
