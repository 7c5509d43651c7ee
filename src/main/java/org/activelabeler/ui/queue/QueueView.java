package org.activelabeler.ui.queue;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.activelabeler.ui.labeling.QueueRow;

/** The next texts with their rank, the model's top class and its probability; a click opens one. */
public final class QueueView extends ListView<QueueRow> {

    /** @param open shows the text of a clicked row */
    public QueueView(ObservableList<QueueRow> rows, Consumer<Long> open) {
        super(rows);
        setOnMouseClicked(e -> {
            QueueRow row = getSelectionModel().getSelectedItem();
            if (row != null) {
                open.accept(row.reviewId());
                getSelectionModel().clearSelection();
            }
        });
        setId("queue");
        getStyleClass().add("queue-view");
        setFocusTraversable(false);
        setPlaceholder(new Label("Nothing left to label"));
        setCellFactory(list -> new Cell());
    }

    /** One row: "#3  0.48  text…"; unranked reviews (file order) show a dash, audit draws "rand". */
    static String rank(QueueRow row) {
        if (row.drawnAtRandom()) {
            return "rand";
        }
        return row.rank() > 0 ? "#" + row.rank() : "–";
    }

    /** The model's most probable class and its probability: "positive 0.82", or a dash before a model. */
    static String probability(QueueRow row) {
        return row.topClass() == null ? "–"
                : String.format(Locale.ROOT, "%s %.2f", row.topClass(), row.topProbability());
    }

    private static final class Cell extends ListCell<QueueRow> {
        private final Label rank = new Label();
        private final Label probability = new Label();
        private final Label snippet = new Label();
        private final HBox box = new HBox(8, rank, probability, snippet);

        Cell() {
            rank.getStyleClass().add("queue-rank");
            rank.setMinWidth(38);
            probability.getStyleClass().add("queue-p");
            probability.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            probability.setMaxWidth(140);
            snippet.getStyleClass().add("muted");
            HBox.setHgrow(snippet, Priority.ALWAYS);
            snippet.setMaxWidth(Double.MAX_VALUE);
            box.setAlignment(Pos.CENTER_LEFT);
            // Fit the list's width instead of scrolling sideways; long text ends in an ellipsis.
            setPrefWidth(0);
            snippet.setMinWidth(0);
        }

        @Override
        protected void updateItem(QueueRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            rank.setText(QueueView.rank(row));
            probability.setText(QueueView.probability(row));
            snippet.setText(row.snippet());
            setGraphic(box);
        }
    }
}
