package org.activelabeler.ui.welcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.activelabeler.dataset.ImportOptions;

/**
 * The import dialog: the file's format and first rows, the text, label and id columns, and the
 * classes in key order. Import stays disabled while the choices do not make sense, and says why.
 */
public final class ImportDialog extends Dialog<ImportOptions> {
    private static final int PREVIEW_CHARS = 120;

    public ImportDialog(Window owner, ImportChoices choices) {
        initOwner(owner);
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        setTitle("Import " + choices.file().getFileName());
        setHeaderText(choices.preview().format().description() + " · " + choices.columns().size() + " columns · "
                + "first " + choices.preview().rows().size() + " rows below");
        setResizable(true);

        ComboBox<String> text = box("import-text-column", choices.columns(), choices.text());
        List<String> optional = new ArrayList<>();
        optional.add(ImportChoices.NONE);
        optional.addAll(choices.columns());
        ComboBox<String> label = box("import-label-column", optional, choices.label());
        ComboBox<String> id = box("import-id-column", optional, choices.id());
        TextField classes = new TextField();
        classes.setId("import-classes");
        classes.setPromptText("e.g. World,Sports,Business,Sci/Tech");
        Label hint = new Label();
        hint.setId("import-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("caption");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Text column"), text);
        form.addRow(1, new Label("Label column"), label);
        form.addRow(2, new Label("Id column"), id);
        form.addRow(3, new Label("Classes"), classes);
        form.add(hint, 1, 4);
        GridPane.setHgrow(classes, javafx.scene.layout.Priority.ALWAYS);

        TableView<List<String>> rows = previewTable(choices);
        VBox content = new VBox(12, form, rows);
        content.setPadding(new Insets(4, 0, 0, 0));
        content.setPrefWidth(760);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        Node importButton = getDialogPane().lookupButton(ButtonType.OK);
        importButton.setId("import-confirm");
        ((javafx.scene.control.Button) importButton).setText("Import");

        Runnable refresh = () -> {
            choices.text(text.getValue());
            choices.label(label.getValue());
            choices.id(id.getValue());
            choices.classes(classes.getText());
            Optional<String> problem = choices.problem();
            hint.setText(problem.orElseGet(choices::classesHint));
            hint.getStyleClass().remove("error-text");
            problem.ifPresent(p -> hint.getStyleClass().add("error-text"));
            importButton.setDisable(problem.isPresent());
        };
        text.valueProperty().addListener((obs, old, now) -> refresh.run());
        label.valueProperty().addListener((obs, old, now) -> refresh.run());
        id.valueProperty().addListener((obs, old, now) -> refresh.run());
        classes.textProperty().addListener((obs, old, now) -> refresh.run());
        refresh.run();
        setResultConverter(button -> button == ButtonType.OK && choices.problem().isEmpty() ? choices.options() : null);
    }

    private static ComboBox<String> box(String id, List<String> items, String value) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setValue(value);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static TableView<List<String>> previewTable(ImportChoices choices) {
        TableView<List<String>> table = new TableView<>();
        table.setId("import-preview");
        List<String> columns = choices.columns();
        for (int i = 0; i < columns.size(); i++) {
            int at = i;
            TableColumn<List<String>, String> column = new TableColumn<>(columns.get(i));
            column.setSortable(false);
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(shorten(at < row.getValue().size()
                    ? row.getValue().get(at) : "")));
            column.setPrefWidth(columns.size() == 1 ? 700 : Math.max(110, 700.0 / columns.size()));
            table.getColumns().add(column);
        }
        table.getItems().setAll(choices.preview().rows());
        table.setPrefHeight(240);
        table.setPlaceholder(new Label("The file has no rows."));
        return table;
    }

    private static String shorten(String value) {
        return org.activelabeler.dataset.ReviewText.oneLine(value, PREVIEW_CHARS);
    }
}
