package org.activelabeler.ui.dataset;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.ExportFormat;

/** Asks what to export (the labels, with predictions, or every event), then where, as CSV or JSON Lines. */
public final class ExportDialog {
    private ExportDialog() {
    }

    /** The real dialogs; empty when the person cancels either. */
    public static Optional<ExportChoice> ask(Window owner, DatasetInfo dataset) {
        Dialog<Integer> what = new Dialog<>();
        what.initOwner(owner);
        if (owner != null && owner.getScene() != null) {
            what.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        what.setTitle("Export labels");
        what.setHeaderText("Export the labels of " + dataset.name());
        ToggleGroup group = new ToggleGroup();
        RadioButton labels = option(group, "One row per labeled text: id, text, label, annotator, time, source");
        RadioButton predictions = option(group, "Every text, with the class probabilities of a model trained now"
                + " on the current labels");
        RadioButton events = option(group, "Every label event: changes, undos, each annotator's label");
        labels.setSelected(true);
        Label note = new Label("CSV or JSON Lines, by the name you give next. `import` reads either back;"
                + " pandas and Hugging Face datasets read them as they are.");
        note.setWrapText(true);
        note.getStyleClass().add("caption");
        VBox content = new VBox(10, labels, predictions, events, note);
        content.setPadding(new Insets(4, 0, 0, 0));
        content.setPrefWidth(520);
        what.getDialogPane().setContent(content);
        what.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.NEXT);
        what.setResultConverter(button -> button != ButtonType.NEXT ? null
                : predictions.isSelected() ? 1 : events.isSelected() ? 2 : 0);
        Optional<Integer> chosen = what.showAndWait();
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        FileChooser where = new FileChooser();
        where.setTitle("Export labels to");
        FileChooser.ExtensionFilter csv = new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv");
        FileChooser.ExtensionFilter jsonl = new FileChooser.ExtensionFilter("JSON Lines (*.jsonl)", "*.jsonl");
        where.getExtensionFilters().addAll(csv, jsonl);
        where.setInitialFileName(dataset.name() + (chosen.get() == 2 ? "-events" : "-labels") + ".csv");
        File file = where.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        Path path = file.toPath();
        ExportFormat format = where.getSelectedExtensionFilter() == jsonl ? ExportFormat.JSONL : ExportFormat.of(path);
        return Optional.of(new ExportChoice(path, format, chosen.get() == 1, chosen.get() == 2));
    }

    private static RadioButton option(ToggleGroup group, String text) {
        RadioButton button = new RadioButton(text);
        button.setToggleGroup(group);
        button.setWrapText(true);
        return button;
    }
}
