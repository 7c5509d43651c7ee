package org.activelabeler.ui.rounds;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The recent rounds: labels, strategy, accuracy, time, and the MLflow run where there is one. */
public final class RoundsView extends ListView<RoundRow> {

    /** @param openLink opens an MLflow address in the browser */
    public RoundsView(ObservableList<RoundRow> rows, Consumer<String> openLink) {
        super(rows);
        setId("rounds");
        setFocusTraversable(false);
        setPlaceholder(new Label("No rounds yet: the first retrain starts after the first batch."));
        setCellFactory(list -> new ListCell<>() {
            private final Hyperlink link = new Hyperlink("MLflow");

            @Override
            protected void updateItem(RoundRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(describe(row));
                if (row.mlflowLink() != null) {
                    link.setOnAction(e -> openLink.accept(row.mlflowLink()));
                    setGraphic(link);
                } else {
                    setGraphic(null);
                }
            }
        });
    }

    static String describe(RoundRow row) {
        String accuracy = Double.isNaN(row.accuracy()) ? "–"
                : String.format(Locale.ROOT, "%.1f%%", 100 * row.accuracy());
        return String.format(Locale.ROOT, "Round %d · %d labels · %s · %s · %.1f s", row.number(), row.labels(),
                row.strategy(), accuracy, row.millis() / 1000.0);
    }
}
