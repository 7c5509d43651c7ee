package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activelabeler.app.CachedVectors;
import org.activelabeler.app.Workspace;
import org.activelabeler.embedding.file.VectorCacheFolder;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.training.djl.NgramLogisticClassifier;
import org.activelabeler.training.djl.bert.TinyBert;
import org.activelabeler.ui.task.FxTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window embeds every text in the background (a tiny encoder here) while the text's own features
 * serve; once the vectors are there, the next retrain uses the embeddings block, and the vectors are
 * in the cache for the next start.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopEmbeddingTest {
    @TempDir
    static Path dir;
    private AppShell shell;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty(VectorCacheFolder.PROPERTY, dir.resolve("vectors").toString());
        Path encoder = TinyBert.write(dir.resolve("tiny"), 3);
        TinyBert.poolLikeBge(encoder);
        Path folder = dir.resolve("home");
        long datasetId;
        try (Workspace workspace = Workspace.open(folder)) {
            datasetId = UiFixture.importInto(workspace, UiFixture.writeCsv(dir.resolve("reviews.csv"), 16)).id();
        }
        UiFixture.writeSettings(folder, "dataset.last=" + datasetId + "\nbatch=4\nannotator=tester\n");
        shell = new AppShell(new AppConfig(folder, new FxTaskExecutor(), Runnable::run,
                features -> new NgramLogisticClassifier(ClassifierSettings.builder().optMaxEpochs(30).build(), features),
                address -> { }, false, Map.of(), new CachedVectors(encoder.toString(), folder.resolve("encoders"))));
        shell.show(stage);
    }

    @AfterAll
    static void clear() {
        System.clearProperty(VectorCacheFolder.PROPERTY);
    }

    @Test
    void theTextFeaturesServeUntilTheVectorsAreThereThenTheEmbeddingsBlockJoins(FxRobot robot) throws Exception {
        FxWait.until(() -> robot.lookup("#embedding-status").tryQuery().isPresent()
                && FxWait.text(robot, "#embedding-status").contains("ready for 16 texts"));
        robot.type(KeyCode.DIGIT1).type(KeyCode.DIGIT2).type(KeyCode.DIGIT1).type(KeyCode.DIGIT2);
        FxWait.until(() -> FxWait.text(robot, "#embedding-status").contains("in use since the retrain on 4 labels"));
        assertThat(FxWait.text(robot, "#stopping-advice")).isEmpty();
        robot.type(KeyCode.DIGIT1).type(KeyCode.DIGIT2).type(KeyCode.DIGIT1).type(KeyCode.DIGIT2);
        FxWait.until(() -> FxWait.text(robot, "#stopping-advice").startsWith("Predictions"));
        assertThat(FxWait.text(robot, "#stopping-advice")).contains("kappa");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(shell::close);
        try (var kept = java.nio.file.Files.list(dir.resolve("vectors"))) {
            assertThat(kept).as("the vectors are kept for the next start").isNotEmpty();
        }
    }
}
