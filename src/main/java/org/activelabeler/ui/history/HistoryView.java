package org.activelabeler.ui.history;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import java.util.List;
import org.activelabeler.ui.ColumnsCell;
import org.activelabeler.ui.ToolWindow;
import org.activelabeler.ui.ToolWindows;

/**
 * A window of its own beside the labeling view: the filters, every label event newest first, and Enter
 * or a double click to open one's text in the labeling view. It reads the history again whenever it
 * comes to the front, so changes made meanwhile show.
 */
public final class HistoryView implements ToolWindow.View {
    private final Stage stage = new Stage();
    private final ListView<HistoryViewModel.Row> events;
    private final HistoryViewModel model;

    public HistoryView(Window owner, HistoryViewModel model) {
        this.model = model;
        stage.initOwner(owner);
        stage.setTitle("Label history");
        TextField annotator = new TextField();
        annotator.setId("history-annotator");
        annotator.setPromptText("annotator (any)");
        annotator.setPrefColumnCount(10);
        annotator.textProperty().bindBidirectional(model.annotatorProperty());
        annotator.setOnAction(e -> model.refresh());
        ComboBox<HistoryViewModel.Choice<org.activelabeler.labeling.LabelAction>> action = new ComboBox<>();
        action.setId("history-action");
        action.getItems().setAll(model.actionChoices());
        action.valueProperty().bindBidirectional(model.actionProperty());
        action.setOnAction(e -> model.refresh());
        ComboBox<HistoryViewModel.Choice<Integer>> label = new ComboBox<>();
        label.setId("history-label");
        label.getItems().setAll(model.labelChoices());
        label.valueProperty().bindBidirectional(model.labelProperty());
        label.setOnAction(e -> model.refresh());
        CheckBox undone = new CheckBox("Undone too");
        undone.setId("history-undone");
        undone.selectedProperty().bindBidirectional(model.withUndoneProperty());
        undone.setOnAction(e -> model.refresh());
        Button refresh = new Button("Refresh");
        refresh.setId("history-refresh");
        refresh.setOnAction(e -> model.refresh());
        HBox filters = new HBox(8, annotator, action, label, undone, refresh);
        filters.setAlignment(Pos.CENTER_LEFT);

        events = new ListView<>(model.rows());
        events.setId("history-events");
        events.setPlaceholder(new Label("No label events yet"));
        events.setCellFactory(list -> new ColumnsCell<>(List.of(new ColumnsCell.Column(110, "muted"),
                new ColumnsCell.Column(90, ""), new ColumnsCell.Column(150, "queue-rank"),
                new ColumnsCell.Column(150, "queue-p")),
                row -> List.of(row.when(), row.who(), row.what(), row.status(), row.snippet())));
        ToolWindows.openOnEnterOrDoubleClick(events, model::open);
        VBox.setVgrow(events, Priority.ALWAYS);
        Label status = new Label();
        status.setId("history-status");
        status.getStyleClass().add("caption");
        status.textProperty().bind(model.statusProperty());
        VBox root = new VBox(10, filters, events, status);
        root.setPadding(new Insets(14));
        Scene scene = new Scene(root, 960, 560);
        ToolWindows.setUp(stage, scene);
        stage.focusedProperty().addListener((obs, was, now) -> {
            if (now) {
                model.refresh();
            }
        });
    }

    /** Shows the window (again), in the owner's stylesheets, with the history read afresh. */
    @Override
    public void show() {
        ToolWindows.present(stage);
        model.refresh();
        events.requestFocus();
    }

    @Override
    public Stage stage() {
        return stage;
    }
}
