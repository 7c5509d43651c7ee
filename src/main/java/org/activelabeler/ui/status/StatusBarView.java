package org.activelabeler.ui.status;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.activelabeler.ui.task.TaskStatus;
import org.controlsfx.control.StatusBar;

/** The bottom bar: the background task with its progress and a Cancel button, else the latest message. */
public final class StatusBarView extends StatusBar {

    public StatusBarView(TaskStatus status, ObservableStringValue message) {
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
        Label version = new Label("Active Labeler " + org.activelabeler.app.AppVersion.get());
        version.getStyleClass().add("muted");
        getRightItems().addAll(cancel, version);
    }
}
