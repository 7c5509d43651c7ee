package org.activelabeler.ui.team;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.activelabeler.ui.ColumnsCell;
import org.activelabeler.ui.ToolWindow;
import org.activelabeler.ui.ToolWindows;

/**
 * A window of its own beside the labeling view: the team's agreement, and the reviews its annotators
 * disagree on; the key of a class settles the selected one, Enter opens its text. It reads the labels again
 * whenever it comes to the front.
 */
public final class ConflictsView implements ToolWindow.View {
    private final Stage stage = new Stage();
    private final ListView<ConflictsViewModel.Row> conflicts;
    private final ConflictsViewModel model;

    public ConflictsView(Window owner, ConflictsViewModel model) {
        this.model = model;
        stage.initOwner(owner);
        stage.setTitle("Disagreements");
        Label agreement = new Label();
        agreement.setId("team-agreement");
        agreement.textProperty().bind(model.agreementProperty());
        agreement.setWrapText(true);
        conflicts = new ListView<>(model.rows());
        conflicts.setId("team-conflicts-list");
        conflicts.setPlaceholder(new Label("No disagreements: every review labeled twice got the same class"));
        conflicts.setCellFactory(list -> new ColumnsCell<>(List.of(new ColumnsCell.Column(90, "muted"),
                new ColumnsCell.Column(300, "queue-rank")),
                row -> List.of("Text #" + row.position(), row.labels(), row.snippet())));
        ToolWindows.openOnEnterOrDoubleClick(conflicts, model::open);
        model.rows().addListener((javafx.collections.ListChangeListener<ConflictsViewModel.Row>) change -> {
            if (!model.rows().isEmpty() && conflicts.getSelectionModel().isEmpty()) {
                conflicts.getSelectionModel().select(0);
            }
        });
        conflicts.addEventFilter(KeyEvent.KEY_TYPED, this::settleWithClassKey);
        VBox.setVgrow(conflicts, Priority.ALWAYS);
        Label status = new Label();
        status.setId("team-conflicts-status");
        status.getStyleClass().add("caption");
        status.textProperty().bind(model.statusProperty());
        VBox root = new VBox(10, agreement, conflicts, status);
        root.setPadding(new Insets(14));
        ToolWindows.setUp(stage, new Scene(root, 960, 520));
        stage.focusedProperty().addListener((obs, was, now) -> {
            if (now) {
                model.refresh();
            }
        });
    }

    private void settleWithClassKey(KeyEvent event) {
        String typed = event.getCharacter();
        if (typed.length() == 1 && typed.charAt(0) >= '1' && typed.charAt(0) <= '9') {
            model.settle(conflicts.getSelectionModel().getSelectedItem(), typed.charAt(0) - '1');
            event.consume();
        }
    }

    /** Shows the window (again), in the owner's stylesheets, with the labels read afresh. */
    @Override
    public void show() {
        ToolWindows.present(stage);
        model.refresh();
        conflicts.requestFocus();
    }

    @Override
    public Stage stage() {
        return stage;
    }
}
