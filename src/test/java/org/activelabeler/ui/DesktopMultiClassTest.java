package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.ExportFormat;
import org.activelabeler.testsupport.SyntheticTopics;
import org.activelabeler.ui.dataset.ExportChoice;
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
 * The real window on Monocle with four classes: imported through the import dialog's choices with
 * the classes declared in key order, labeled with keys 1 to 4, retrained (the model's view shows
 * four classes), exported from the Dataset menu, and grown by a fifth class on key 5.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopMultiClassTest {
    private static final List<String> DECLARED = List.of("World", "Sports", "Business", "Sci/Tech");

    @TempDir
    static Path dir;
    private AppShell shell;
    private Path export;

    @Start
    void start(Stage stage) {
        Path folder = dir.resolve("home");
        Path file = SyntheticTopics.writeCsv(dir.resolve("topics.csv"), new SyntheticTopics(5, 4).distinct(24));
        export = dir.resolve("out").resolve("topics-labels.jsonl");
        UiFixture.writeSettings(folder, "batch=4\nannotator=tester\n");
        shell = UiFixture.shell(folder, 30);
        shell.importDialogs(window -> file, (window, choices) -> {
            choices.classes(String.join(",", DECLARED));
            return Optional.of(choices.options());
        });
        shell.datasetDialogs((window, dataset) -> Optional.of(new ExportChoice(export, ExportFormat.JSONL, false,
                false)), (window, labels) -> Optional.of("Health"));
        shell.show(stage);
    }

    @Test
    void fourClassesOnKeysOneToFourThenAFifth(FxRobot robot) throws Exception {
        FxWait.until(() -> robot.lookup("#import-button").tryQuery().isPresent());
        robot.clickOn("#import-button");
        FxWait.until(() -> robot.lookup("#labeled-count").tryQuery().isPresent()
                && shell.screen().retrain().readyProperty().get());
        for (int c = 0; c < DECLARED.size(); c++) {
            assertThat(button(robot, c).getText()).isEqualTo(DECLARED.get(c) + "   " + (c + 1));
        }
        assertThat(robot.lookup("#class-button-4").tryQuery()).isEmpty();

        robot.type(KeyCode.DIGIT1).type(KeyCode.DIGIT2).type(KeyCode.DIGIT3).type(KeyCode.DIGIT4);
        assertThat(FxWait.text(robot, "#labeled-count")).isEqualTo("4 of 24");
        for (int c = 0; c < DECLARED.size(); c++) {
            assertThat(FxWait.text(robot, "#count-" + c)).isEqualTo("1");
        }
        FxWait.until(() -> !rounds(robot).isEmpty());
        assertThat(robot.lookup("#model-distribution").queryAs(VBox.class).getChildren()).hasSize(4);
        QueueRow next = queueRows(robot).get(0);
        assertThat(DECLARED).contains(next.topClass());

        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        FxWait.until(() -> Files.exists(export));
        List<JsonObject> rows = Files.readAllLines(export).stream().map(l -> JsonParser.parseString(l).getAsJsonObject())
                .toList();
        // every text has its file label; the four labeled here say so, with who labeled them
        assertThat(rows).hasSize(24);
        List<JsonObject> human = rows.stream().filter(row -> row.get("source").getAsString().equals("human")).toList();
        assertThat(human).hasSize(4).allSatisfy(row -> assertThat(row.get("annotator").getAsString()).isEqualTo("tester"));
        assertThat(human).extracting(row -> row.get("label").getAsString()).containsExactlyInAnyOrderElementsOf(DECLARED);
        assertThat(rows).filteredOn(row -> row.get("source").getAsString().equals("file")).hasSize(20);
        assertThat(FxWait.text(robot, "#error-banner")).startsWith("Exported 24 rows to ");

        robot.interact(() -> robot.lookup("#dataset-menu").queryAs(javafx.scene.control.MenuButton.class).getItems()
                .stream().filter(item -> "add-class".equals(item.getId())).findFirst().orElseThrow().fire());
        FxWait.until(() -> robot.lookup("#class-button-4").tryQuery().isPresent()
                && shell.screen().retrain().readyProperty().get());
        assertThat(button(robot, 4).getText()).isEqualTo("Health   5");
        assertThat(FxWait.text(robot, "#labeled-count")).isEqualTo("4 of 24");
        robot.type(KeyCode.DIGIT5);
        assertThat(FxWait.text(robot, "#count-4")).isEqualTo("1");

        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(shell::close);
        try (Workspace workspace = Workspace.open(dir.resolve("home"))) {
            DatasetInfo dataset = workspace.datasets().list().get(0);
            assertThat(dataset.labels().names()).containsExactly("World", "Sports", "Business", "Sci/Tech", "Health");
            assertThat(workspace.labels().currentLabels(dataset.id()).values())
                    .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        }
    }

    private static Button button(FxRobot robot, int c) {
        return robot.lookup("#class-button-" + c).queryButton();
    }

    @SuppressWarnings("unchecked")
    private static List<QueueRow> queueRows(FxRobot robot) {
        return robot.lookup("#queue").queryAs(ListView.class).getItems();
    }

    @SuppressWarnings("unchecked")
    private static List<RoundRow> rounds(FxRobot robot) {
        return robot.lookup("#rounds").queryAs(ListView.class).getItems();
    }
}
