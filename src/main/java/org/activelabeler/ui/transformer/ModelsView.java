package org.activelabeler.ui.transformer;

import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Which model serves the queue, and how the fast model and the transformer are doing. */
public final class ModelsView extends VBox {

    public ModelsView(TransformerLaneViewModel lane) {
        super(6);
        getStyleClass().add("models-view");
        Label queue = new Label();
        queue.setId("queue-owner");
        queue.getStyleClass().add("queue-owner");
        queue.textProperty().bind(lane.queueTextProperty());

        Label fast = value("fast-model-status");
        fast.textProperty().bind(lane.fastTextProperty());
        Label transformer = value("transformer-status");
        transformer.textProperty().bind(lane.transformerTextProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        grid.getColumnConstraints().setAll(captions, values);
        grid.addRow(0, caption("Fast model"), fast);
        grid.addRow(1, caption("Transformer"), transformer);
        getChildren().addAll(queue, grid);
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }
}
