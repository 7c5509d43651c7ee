package org.activelabeler.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A list row shown as columns of text: each but the last has a minimum width and a style class, and the
 * last takes the room that is left (a snippet). The Find and history windows list their rows so.
 */
public final class ColumnsCell<T> extends ListCell<T> {
    /** One fixed column: its minimum width and style class (empty for none). */
    public record Column(double minWidth, String styleClass) {
    }

    private final Function<T, List<String>> texts;
    private final List<Label> labels = new ArrayList<>();
    private final HBox box = new HBox(10);

    /** @param texts one text per column, the last for the column that takes the rest */
    public ColumnsCell(List<Column> columns, Function<T, List<String>> texts) {
        this.texts = texts;
        for (Column column : columns) {
            Label label = new Label();
            label.setMinWidth(column.minWidth());
            if (!column.styleClass().isEmpty()) {
                label.getStyleClass().add(column.styleClass());
            }
            labels.add(label);
        }
        Label rest = new Label();
        rest.setMinWidth(0);
        HBox.setHgrow(rest, Priority.ALWAYS);
        labels.add(rest);
        box.getChildren().addAll(labels);
        box.setAlignment(Pos.CENTER_LEFT);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(T row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        List<String> values = texts.apply(row);
        for (int i = 0; i < labels.size(); i++) {
            labels.get(i).setText(i < values.size() ? values.get(i) : "");
        }
        setGraphic(box);
    }
}
