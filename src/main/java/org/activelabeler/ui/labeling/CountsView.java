package org.activelabeler.ui.labeling;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.IntegerProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Labeled so far (per class and this session) and how far it is to the next retrain: k of B. */
public final class CountsView extends VBox {

    public CountsView(LabelingViewModel model, IntegerBinding sinceRound, IntegerProperty batchSize) {
        super(8);
        getStyleClass().add("counts-view");
        Label labeled = number("labeled-count");
        labeled.textProperty().bind(Bindings.createStringBinding(() -> model.labeledProperty().get() + " of "
                + model.reviewCount(), model.labeledProperty()));
        Label session = number("session-count");
        session.textProperty().bind(model.thisSessionProperty().asString());

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(2);
        grid.addRow(0, caption("Labeled"), caption("This session"));
        grid.addRow(1, labeled, session);

        FlowPane classes = new FlowPane(14, 4);
        classes.setId("class-counts");
        for (int c = 0; c < model.labelSet().size(); c++) {
            Label count = number("count-" + c);
            count.textProperty().bind(model.countProperty(c).asString());
            classes.getChildren().add(new VBox(0, caption(model.labelSet().name(c)), count));
        }

        Label next = new Label();
        next.setId("next-retrain");
        next.textProperty().bind(Bindings.createStringBinding(() -> "Next retrain: "
                + Math.min(sinceRound.get(), batchSize.get()) + " of " + batchSize.get() + " labels",
                sinceRound, batchSize));
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(1.0, sinceRound.get() / (double) Math.max(1, batchSize.get())), sinceRound, batchSize));
        Label pace = new Label();
        pace.setId("labeling-pace");
        pace.getStyleClass().add("caption");
        pace.textProperty().bind(model.paceProperty());
        getChildren().addAll(grid, classes, next, bar, pace);
    }

    private static Label number(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("count");
        return label;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        return label;
    }
}
