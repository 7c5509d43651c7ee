package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activelabeler.app.Workspace;
import org.activelabeler.ui.labeling.QueueRow;
import org.activelabeler.ui.rounds.RoundRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless on Monocle: the real background executor and the DJL model. Labels
 * with the keyboard, undoes, and sees a retrain finish and the queue change while the review being
 * read stays put; then checks that every label is in the database.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopAppTest {
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
        UiFixture.writeSettings(folder, "dataset.last=" + datasetId + "\nbatch=4\nannotator=tester\n");
        shell = UiFixture.shell(folder, 30);
        shell.show(stage);
    }

    @Test
    void labelsWithTheKeyboardUndoesAndSeesTheQueueChangeAfterARetrain(FxRobot robot) throws Exception {
        FxWait.until(() -> robot.lookup("#labeled-count").tryQuery().isPresent()
                && shell.screen().retrain().readyProperty().get());
        assertThat(FxWait.text(robot, "#labeled-count")).isEqualTo("0 of " + REVIEWS);
        assertThat(robot.lookup("#model-choice").queryComboBox().getValue()).hasToString("Fast model");
        assertThat(FxWait.text(robot, "#queue-owner")).isEqualTo("Queue: fast model");
        assertThat(FxWait.text(robot, "#transformer-status")).startsWith("off");
        assertThat(robot.lookup("#class-button-1").queryButton().getText()).contains("→");

        robot.type(KeyCode.RIGHT);
        String second = FxWait.text(robot, "#review-text");
        robot.type(KeyCode.DIGIT1);
        assertThat(FxWait.text(robot, "#labeled-count")).isEqualTo("2 of " + REVIEWS);
        assertThat(FxWait.text(robot, "#count-0")).isEqualTo("1");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(FxWait.text(robot, "#labeled-count")).isEqualTo("1 of " + REVIEWS);
        assertThat(FxWait.text(robot, "#review-text")).isEqualTo(second);

        robot.type(KeyCode.DIGIT1).type(KeyCode.DIGIT2);
        assertThat(queueRows(robot).get(0).rank()).isZero();
        robot.type(KeyCode.DIGIT1);
        // The fourth label fills the batch: the retrain runs in the background (it may already be done).
        String reading = FxWait.text(robot, "#review-text");

        FxWait.until(() -> !rounds(robot).isEmpty());
        assertThat(rounds(robot)).singleElement().extracting(RoundRow::labels).isEqualTo(4);
        // ranked by the retrain now: the best-ranked text, or the second when the best is the one on screen
        assertThat(queueRows(robot).get(0).rank()).isBetween(1, 2);
        assertThat(FxWait.text(robot, "#review-text")).isEqualTo(reading);
        assertThat(FxWait.text(robot, "#next-retrain")).isEqualTo("Next retrain: 0 of 4 labels");
        assertThat(FxWait.text(robot, "#fast-model-status")).startsWith("round 1 on 4 labels · holdout accuracy");
        assertThat(queueRows(robot)).as("every 10th text asked is drawn at random for the audit (audit.share 0.1)")
                .filteredOn(QueueRow::drawnAtRandom).isNotEmpty();

        robot.type(KeyCode.S);
        assertThat(FxWait.text(robot, "#labeled-count")).isEqualTo("4 of " + REVIEWS);
        assertThat(FxWait.text(robot, "#model-reason")).matches("Chosen by entropy: rank [12] of .*");
        assertThat(highlighted(robot)).as("the words that pulled the model most are marked").isPositive();
        assertThat(FxWait.text(robot, "#highlight-legend")).matches("green: toward (positive|negative), red: away from it");
        robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
        assertThat(highlighted(robot)).isZero();
        assertThat(FxWait.text(robot, "#highlight-legend")).isEmpty();
        UiSettings.flush();
        assertThat(UiSettings.load(dir.resolve("home")).get(LabelingScreen.HIGHLIGHT)).as("kept").contains("false");
        robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
        assertThat(highlighted(robot)).isPositive();

        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(shell::close);
        try (Workspace workspace = Workspace.open(dir.resolve("home"))) {
            Map<Long, Integer> labels = workspace.labels().currentLabels(datasetId);
            long[] asked = org.activelabeler.ui.labeling.LabelingViewModel.shuffled(ids, 13);
            assertThat(labels).hasSize(4).containsEntry(asked[0], 1)
                    .containsEntry(asked[1], 0);
            assertThat(labels.values()).filteredOn(v -> v == 1).hasSize(2);
            assertThat(workspace.labels().skipped(datasetId)).hasSize(1);
            assertThat(workspace.labels().rounds(datasetId)).hasSize(1);
        }
    }

    private static int highlighted(FxRobot robot) {
        return robot.lookup("#review-highlights").queryAs(javafx.scene.layout.Pane.class).getChildren().size();
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<QueueRow> queueRows(FxRobot robot) {
        return robot.lookup("#queue").queryAs(ListView.class).getItems();
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<RoundRow> rounds(FxRobot robot) {
        return robot.lookup("#rounds").queryAs(ListView.class).getItems();
    }

    /** Checks on the FX thread: looking nodes up from another thread races with the scene graph. */
}
