package org.activelabeler.ui;

import java.util.function.Function;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window beside the labeling view (Find, the label history, the disagreements), made the first time it is asked for. */
public final class ToolWindow {

    /** What such a window does: show itself (again) in front, and hand over its stage to be closed. */
    public interface View {
        void show();

        Stage stage();
    }

    private final Function<Window, View> make;
    private View view;

    /** @param make builds the window, owned by the labeling view's */
    public ToolWindow(Function<Window, View> make) {
        this.make = make;
    }

    /** Shows the window beside {@code scene}'s, making it on first use; nothing before the scene has a window. */
    public void show(Scene scene) {
        if (scene == null || scene.getWindow() == null) {
            return;
        }
        if (view == null) {
            view = make.apply(scene.getWindow());
        }
        view.show();
    }

    public void close() {
        if (view != null) {
            view.stage().close();
        }
    }
}
