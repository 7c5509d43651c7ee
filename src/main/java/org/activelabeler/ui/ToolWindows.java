package org.activelabeler.ui;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/** The windows beside the labeling view (Find, the label history): their owner's look, Escape closes. */
public final class ToolWindows {
    private ToolWindows() {
    }

    /** Gives the window its scene; Escape hides it. */
    public static void setUp(Stage stage, Scene scene) {
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        stage.setScene(scene);
    }

    /** Shows the window (again) in front, in its owner's stylesheets and text size. */
    public static void present(Stage stage) {
        stage.getScene().getStylesheets().setAll(stage.getOwner().getScene().getStylesheets());
        stage.getScene().getRoot().setStyle(stage.getOwner().getScene().getRoot().getStyle());
        stage.show();
        stage.toFront();
    }
}
