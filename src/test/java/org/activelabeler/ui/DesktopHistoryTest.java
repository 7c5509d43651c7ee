package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activelabeler.app.Workspace;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.ui.history.HistoryViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The label history on Monocle: Ctrl+Shift+H lists every event newest first; the oldest label opens in
 * the labeling view and a key changes it, which the history shows as a new event with the old one
 * "changed later"; Ctrl+Z marks the change undone, and the store holds every event.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopHistoryTest {
    private static final int REVIEWS = 12;
    @TempDir
    static Path dir;
    private AppShell shell;
    private long datasetId;

    @Start
    void start(Stage stage) {
        Path folder = dir.resolve("home");
        try (Workspace workspace = Workspace.open(folder)) {
            datasetId = UiFixture.importInto(workspace, UiFixture.writeCsv(dir.resolve("reviews.csv"), REVIEWS)).id();
        }
        UiFixture.writeSettings(folder, "dataset.last=" + datasetId + "\nbatch=50\nannotator=tester\n");
        shell = UiFixture.shell(folder, 5);
        shell.show(stage);
    }

    @Test
    void anOldLabelIsChangedFromTheHistoryAndEveryChangeIsKept(FxRobot robot) throws Exception {
        FxWait.until(() -> robot.lookup("#labeled-count").tryQuery().isPresent());
        robot.type(KeyCode.DIGIT1).type(KeyCode.DIGIT2).type(KeyCode.S);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.H).release(KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#history-status").tryQuery().isPresent()
                && FxWait.text(robot, "#history-status").startsWith("3 of 3 events"));
        List<HistoryViewModel.Row> rows = rows(robot);
        assertThat(rows).extracting(HistoryViewModel.Row::what)
                .containsExactly("skipped", "labeled positive", "labeled negative");
        assertThat(rows).extracting(HistoryViewModel.Row::status).containsOnly("now");
        assertThat(rows).extracting(HistoryViewModel.Row::who).containsOnly("tester");
        long oldest = rows.get(2).reviewId();

        ListView<?> events = robot.lookup("#history-events").queryAs(ListView.class);
        robot.interact(() -> events.getSelectionModel().select(2));
        robot.clickOn("#history-events").type(KeyCode.ENTER);
        FxWait.until(() -> FxWait.text(robot, "#feedback").endsWith("labeled negative; a key changes its label, Delete removes it."));
        robot.type(KeyCode.DIGIT2);
        assertThat(FxWait.text(robot, "#labeled-count")).as("a change, not a new label").isEqualTo("2 of " + REVIEWS);

        robot.interact(() -> shell.screen().history().refresh());
        FxWait.until(() -> FxWait.text(robot, "#history-status").startsWith("4 of 4 events"));
        assertThat(rows(robot).get(0)).extracting(HistoryViewModel.Row::reviewId, HistoryViewModel.Row::what,
                HistoryViewModel.Row::status).containsExactly(oldest, "labeled positive", "now");
        assertThat(rows(robot).get(3)).extracting(HistoryViewModel.Row::what, HistoryViewModel.Row::status)
                .containsExactly("labeled negative", "changed later");

        robot.interact(() -> shell.screen().labeling().undo());
        robot.interact(() -> shell.screen().history().refresh());
        FxWait.until(() -> rows(robot).get(0).status().startsWith("undone"));
        assertThat(rows(robot).get(3).status()).as("the old label counts again").isEqualTo("now");
        robot.interact(() -> shell.screen().history().withUndoneProperty().set(false));
        robot.interact(() -> shell.screen().history().refresh());
        FxWait.until(() -> FxWait.text(robot, "#history-status").startsWith("3 of 4 events"));

        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(shell::close);
        try (Workspace workspace = Workspace.open(dir.resolve("home"))) {
            List<LabelEvent> stored = workspace.labels().events(datasetId);
            assertThat(stored).hasSize(4);
            assertThat(workspace.labels().currentLabels(datasetId)).containsEntry(oldest, 0);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<HistoryViewModel.Row> rows(FxRobot robot) {
        return robot.lookup("#history-events").queryAs(ListView.class).getItems();
    }
}
