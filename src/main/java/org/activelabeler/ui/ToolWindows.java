package org.activelabeler.ui;

import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/**
 * The windows beside the labeling view (Find, the label history): their owner's look, Escape closes,
 * Enter or a double click opens a row.
 */
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

    /** Enter or a double click on a row of the list opens it. */
    public static <T> void openOnEnterOrDoubleClick(ListView<T> list, Consumer<T> open) {
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open.accept(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    /** Shows the window (again) in front, in its owner's stylesheets and text size. */
    public static void present(Stage stage) {
        stage.getScene().getStylesheets().setAll(stage.getOwner().getScene().getStylesheets());
        stage.getScene().getRoot().setStyle(stage.getOwner().getScene().getRoot().getStyle());
        stage.show();
        stage.toFront();
    }
}
