package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activelabeler.app.Workspace;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.progress.Progress;
import org.activelabeler.testsupport.FakeTextClassifier;
import org.activelabeler.twospeed.TwoSpeedSettings;
import org.activelabeler.ui.task.FxTaskExecutor;
import org.activelabeler.round.TransformerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window in two-speed mode, headless on Monocle, with both real background threads and a fake
 * transformer that waits inside its fit: labeling goes on while it trains, the side panel follows
 * it, and the status bar's Cancel stops it with every label kept.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopTwoSpeedTest {
    private static final int REVIEWS = 16;

    @TempDir
    static Path dir;
    private final FakeTextClassifier transformer = new FakeTextClassifier();
    private volatile CountDownLatch release = new CountDownLatch(1);
    private AppShell shell;
    private long datasetId;

    @Start
    void start(Stage stage) {
        Path folder = dir.resolve("home");
        try (Workspace workspace = Workspace.open(folder)) {
            datasetId = UiFixture.importInto(workspace, UiFixture.writeCsv(dir.resolve("reviews.csv"), REVIEWS)).id();
        }
        UiFixture.writeSettings(folder, "dataset.last=" + datasetId + "\nbatch=4\nannotator=tester\nmodel=two-speed\n");
        transformer.whileFitting = progress -> {
            try {
                while (!progress.isCancelled() && !release.await(20, TimeUnit.MILLISECONDS)) {
                    Thread.onSpinWait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        shell = new AppShell(new AppConfig(folder, new FxTaskExecutor(), Runnable::run, features -> new FakeClassifier(),
                address -> { }, false, Map.of(), Platform::runLater, new FxTaskExecutor("test-transformer"),
                new TransformerFactory() {
                    @Override
                    public TwoSpeedSettings twoSpeedDefaults(long seed) {
                        return TwoSpeedSettings.forCpu(seed).withEveryBatches(1).withMinLabels(0);
                    }

                    @Override
                    public int dropoutPasses(long seed) {
                        return 2;
                    }

                    @Override
                    public TextClassifier create(long seed, int classes, Progress progress) {
                        return transformer;
                    }
                }, null));
        shell.show(stage);
    }

    @Test
    void labelingGoesOnWhileTheTransformerTrainsAndItsCancelKeepsEveryLabel(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#labeled-count").tryQuery().isPresent()
                && shell.screen().retrain().readyProperty().get());
        assertThat(onFx(() -> robot.lookup("#model-choice").queryComboBox().getValue())).hasToString("Fast + transformer");
        waitUntil(() -> text(robot, "#transformer-status").equals("not trained yet: after every batch"));
        assertThat(onFx(() -> robot.lookup("#transformer-every").queryAs(Spinner.class).getValue())).isEqualTo(1);

        robot.type(KeyCode.DIGIT1).type(KeyCode.DIGIT2).type(KeyCode.DIGIT1).type(KeyCode.DIGIT2);
        waitUntil(() -> shell.screen().lane().runningProperty().get() && transformer.fits == 1);
        assertThat(onFx(() -> robot.lookup("#cancel-transformer").queryButton().isVisible())).isTrue();
        assertThat(onFx(() -> text(robot, "#transformer-status"))).startsWith("training…");

        robot.type(KeyCode.DIGIT2);
        assertThat(onFx(() -> text(robot, "#labeled-count"))).as("labeling never waits on the transformer")
                .isEqualTo("5 of " + REVIEWS);

        release.countDown();
        waitUntil(() -> text(robot, "#transformer-status").startsWith("round 1 on 4 labels · transformer"));
        String owner = shell.screen().lane().handoverProperty().get().owner().label();
        assertThat(onFx(() -> text(robot, "#queue-owner"))).isEqualTo("Queue: " + owner);

        release = new CountDownLatch(1);
        robot.type(KeyCode.DIGIT1).type(KeyCode.DIGIT2).type(KeyCode.DIGIT1);
        waitUntil(() -> shell.screen().lane().runningProperty().get() && transformer.fits == 2);
        robot.clickOn("#cancel-transformer");
        waitUntil(() -> text(robot, "#transformer-status").equals("round cancelled; the fast model serves the queue"));
        assertThat(onFx(() -> text(robot, "#queue-owner"))).isEqualTo("Queue: fast model");
        assertThat(onFx(() -> text(robot, "#labeled-count"))).isEqualTo("8 of " + REVIEWS);

        robot.interact(shell::close);
        try (Workspace workspace = Workspace.open(dir.resolve("home"))) {
            assertThat(workspace.labels().currentLabels(datasetId)).hasSize(8);
        }
        assertThat(transformer.closed).isTrue();
        assertThat(UiSettings.load(dir.resolve("home")).get(LabelingScreen.MODEL)).contains("two-speed");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Checks on the FX thread: looking nodes up from another thread races with the scene graph. */
    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
