package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activelabeler.app.Workspace;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelSource;
import org.activelabeler.progress.Progress;
import org.activelabeler.team.TeamReport;
import org.activelabeler.ui.team.ConflictsViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The team's disagreements on Monocle: two annotators labeled three reviews and disagree on two; Ctrl+Shift+D
 * shows alpha and kappa and lists the two; the reviewer settles one with a class key, which becomes the
 * review's current label as a reviewer's label, and the list keeps the other.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopConflictsTest {
    @TempDir
    static Path dir;
    private AppShell shell;
    private long datasetId;
    private long[] ids;

    @Start
    void start(Stage stage) {
        Path folder = dir.resolve("home");
        try (Workspace workspace = Workspace.open(folder)) {
            datasetId = UiFixture.importInto(workspace, UiFixture.writeCsv(dir.resolve("reviews.csv"), 12)).id();
            ids = workspace.datasets().loadCorpus(datasetId, Progress.NONE).reviewIds();
            int[][] given = {{1, 0}, {1, 1}, {0, 1}};
            for (int i = 0; i < given.length; i++) {
                workspace.labels().record(ids[i], LabelAction.LABEL, given[i][0], "ann", LabelSource.HUMAN);
                workspace.labels().record(ids[i], LabelAction.LABEL, given[i][1], "ben", LabelSource.HUMAN);
            }
        }
        UiFixture.writeSettings(folder, "dataset.last=" + datasetId + "\nbatch=50\nannotator=reviewer\n");
        shell = UiFixture.shell(folder, 5);
        shell.show(stage);
    }

    @Test
    void aReviewerSettlesADisagreementWithAClassKey(FxRobot robot) throws Exception {
        FxWait.until(() -> robot.lookup("#labeled-count").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.D).release(KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#team-conflicts-status").tryQuery().isPresent()
                && FxWait.text(robot, "#team-conflicts-status").startsWith("2 to settle"));
        assertThat(FxWait.text(robot, "#team-agreement")).contains("Krippendorff's alpha", "on 3 reviews labeled twice",
                "Cohen's kappa ann / ben");
        assertThat(rows(robot)).extracting(ConflictsViewModel.Row::reviewId).containsExactly(ids[0], ids[2]);
        assertThat(rows(robot).get(0).labels()).isEqualTo("ann: positive · ben: negative");

        robot.clickOn("#team-conflicts-list");
        robot.interact(() -> robot.lookup("#team-conflicts-list").queryAs(ListView.class).getSelectionModel().select(0));
        robot.type(KeyCode.DIGIT2);
        FxWait.until(() -> FxWait.text(robot, "#team-conflicts-status").startsWith("1 to settle"));
        assertThat(rows(robot)).extracting(ConflictsViewModel.Row::reviewId).containsExactly(ids[2]);

        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(shell::close);
        try (Workspace workspace = Workspace.open(dir.resolve("home"))) {
            LabelEvent settled = workspace.labels().currentEvents(datasetId).get(ids[0]);
            assertThat(settled.label()).as("the reviewer's class trains").isEqualTo(1);
            assertThat(settled.source()).isEqualTo(LabelSource.REVIEW);
            assertThat(settled.annotator()).isEqualTo("reviewer");
            assertThat(TeamReport.of(workspace.labels().events(datasetId), 2).conflicts()).containsOnlyKeys(ids[2]);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ConflictsViewModel.Row> rows(FxRobot robot) {
        return robot.lookup("#team-conflicts-list").queryAs(ListView.class).getItems();
    }
}
