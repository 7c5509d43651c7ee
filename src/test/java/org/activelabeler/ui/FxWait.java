package org.activelabeler.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the desktop tests on Monocle wait for and read: a condition checked on the JavaFX thread, a node's text. */
final class FxWait {
    private FxWait() {
    }

    /** Waits (2 minutes at most) until {@code condition}, checked on the JavaFX thread, holds; then for the events. */
    static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the Label or Text with this id. */
    static String text(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node instanceof javafx.scene.text.Text text ? text.getText() : ((Label) node).getText();
    }
}
