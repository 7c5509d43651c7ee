package org.activelabeler.ui.task;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The task the executor runs now, as the status bar shows it: its title, its latest message,
 * progress from 0 to 1 (or -1 when unknown), and a way to cancel it. Changed on the UI thread only.
 */
public final class TaskStatus {
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("Ready");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private TaskHandle current;

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Asks the running task, if any, to stop. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    void started(String taskTitle, TaskHandle handle) {
        current = handle;
        title.set(taskTitle);
        message.set(taskTitle + "...");
        progress.set(-1);
        running.set(true);
    }

    void progressed(String text, double fraction) {
        message.set(text);
        progress.set(fraction);
    }

    void finished(String text) {
        current = null;
        running.set(false);
        progress.set(0);
        title.set("");
        message.set(text);
    }
}
