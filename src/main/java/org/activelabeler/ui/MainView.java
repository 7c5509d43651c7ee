package org.activelabeler.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.activelabeler.ui.status.StatusBarView;
import org.activelabeler.ui.task.TaskStatus;

/** The window's frame: toolbar on top, one screen in the middle, the status bar below, and an error banner. */
public final class MainView extends BorderPane {
    private final VBox top = new VBox();
    private final Label error = new Label();
    private final HBox banner;

    public MainView(TaskStatus status, ObservableStringValue message) {
        this(status, null, message);
    }

    /** @param transformer the transformer's executor's status, shown beside the other while it trains */
    public MainView(TaskStatus status, TaskStatus transformer, ObservableStringValue message) {
        getStyleClass().add("main-view");
        error.setId("error-banner");
        error.setWrapText(true);
        HBox.setHgrow(error, Priority.ALWAYS);
        error.setMaxWidth(Double.MAX_VALUE);
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> showError(null));
        banner = new HBox(12, error, dismiss);
        banner.getStyleClass().add("error-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8, 16, 8, 16));
        banner.setVisible(false);
        banner.setManaged(false);
        setTop(top);
        setBottom(new StatusBarView(status, transformer, message));
        showLoading("Opening the database...");
    }

    public void setToolbar(Node toolbar) {
        top.getChildren().setAll(banner);
        if (toolbar != null) {
            top.getChildren().add(0, toolbar);
        }
    }

    public void setContent(Node content) {
        setCenter(content);
    }

    public void showLoading(String what) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label label = new Label(what);
        label.getStyleClass().add("muted");
        VBox box = new VBox(16, spinner, label);
        box.setAlignment(Pos.CENTER);
        setCenter(box);
    }

    /** Shows a message a person can act on; null hides the banner. */
    public void showError(String message) {
        show(message, false);
    }

    /** Says that something asked for is done (an export written, say), in the same banner, calmer. */
    public void showNotice(String message) {
        show(message, true);
    }

    private void show(String message, boolean notice) {
        banner.getStyleClass().removeAll("error-banner", "notice-banner");
        banner.getStyleClass().add(notice ? "notice-banner" : "error-banner");
        error.setText(message == null ? "" : message);
        banner.setVisible(message != null);
        banner.setManaged(message != null);
        if (!top.getChildren().contains(banner)) {
            top.getChildren().add(banner);
        }
    }
}
