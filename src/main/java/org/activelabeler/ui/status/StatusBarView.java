package org.activelabeler.ui.status;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import org.activelabeler.ui.task.TaskStatus;
import org.controlsfx.control.StatusBar;

/**
 * The bottom bar: the background task with its progress and a Cancel button, else the latest
 * message; and, while the transformer trains on its own thread, its progress and a Cancel of its own.
 */
public final class StatusBarView extends StatusBar {

    public StatusBarView(TaskStatus status, ObservableStringValue message) {
        this(status, null, message);
    }

    /** @param transformer the transformer's executor, or null when there is none */
    public StatusBarView(TaskStatus status, TaskStatus transformer, ObservableStringValue message) {
        setId("status-bar");
        textProperty().bind(Bindings.createStringBinding(() -> status.runningProperty().get()
                        ? status.messageProperty().get() : message.get(),
                status.runningProperty(), status.messageProperty(), message));
        progressProperty().bind(Bindings.createDoubleBinding(() -> status.runningProperty().get()
                ? status.progressProperty().get() : 0, status.runningProperty(), status.progressProperty()));
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-task");
        cancel.visibleProperty().bind(status.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> status.cancel());
        if (transformer != null) {
            getRightItems().add(transformerLane(transformer));
        }
        Label version = new Label("Active Labeler " + org.activelabeler.app.AppVersion.get());
        version.getStyleClass().add("muted");
        getRightItems().addAll(cancel, version);
    }

    private static HBox transformerLane(TaskStatus transformer) {
        Label text = new Label();
        text.setId("transformer-task");
        text.textProperty().bind(transformer.messageProperty());
        text.setMaxWidth(360);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(120);
        bar.progressProperty().bind(transformer.progressProperty());
        Button cancel = new Button("Cancel transformer");
        cancel.setId("cancel-transformer");
        cancel.setOnAction(e -> transformer.cancel());
        HBox lane = new HBox(8, text, bar, cancel);
        lane.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        lane.visibleProperty().bind(transformer.runningProperty());
        lane.managedProperty().bind(lane.visibleProperty());
        return lane;
    }
}
