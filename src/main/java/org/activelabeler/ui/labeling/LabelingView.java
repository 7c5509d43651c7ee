package org.activelabeler.ui.labeling;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.activelabeler.dataset.Sentiment;

/**
 * The review being read, the model's view of it, and the three answers. The text is plain text in
 * a label: never parsed as HTML. Every button names its keys; the keys work wherever the focus is
 * (see {@link KeyboardShortcuts}).
 */
public final class LabelingView extends BorderPane {
    private final LabelingViewModel model;
    private final Label title = new Label();
    private final Label text = new Label();
    private final ScrollPane textScroll = new ScrollPane(text);
    private final Label positive = new Label();
    private final ProgressBar positiveBar = new ProgressBar();
    private final Label entropy = new Label();
    private final Label reason = new Label();
    private final Label feedback = new Label();
    final Button negativeButton = answer("Negative", "← or 1", "negative");
    final Button skipButton = answer("Skip", "S", "skip");
    final Button positiveButton = answer("Positive", "→ or 2", "positive");
    final Button undoButton = answer("Undo", "Ctrl+Z", "undo");

    public LabelingView(LabelingViewModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("labeling-view");
        title.getStyleClass().add("review-title");
        text.getStyleClass().add("review-text");
        text.setId("review-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(760);
        textScroll.setFitToWidth(true);
        textScroll.setFocusTraversable(false);
        textScroll.getStyleClass().add("review-scroll");
        VBox reading = new VBox(10, title, textScroll);
        VBox.setVgrow(textScroll, Priority.ALWAYS);
        reading.setPadding(new Insets(20, 24, 8, 24));

        positive.setId("model-positive");
        positiveBar.setPrefWidth(140);
        positiveBar.getStyleClass().add("positive-bar");
        entropy.setId("model-entropy");
        reason.setId("model-reason");
        reason.setWrapText(true);
        reason.getStyleClass().add("muted");
        HBox numbers = new HBox(18, labeled("p(positive)", new HBox(8, positive, positiveBar)),
                labeled("entropy", entropy));
        VBox modelPanel = new VBox(6, caption("The model's view"), numbers, reason);
        modelPanel.getStyleClass().add("model-panel");

        negativeButton.setId("negative-button");
        skipButton.setId("skip-button");
        positiveButton.setId("positive-button");
        undoButton.setId("undo-button");
        HBox buttons = new HBox(12, negativeButton, skipButton, positiveButton, spacer(), undoButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        feedback.getStyleClass().add("muted");
        feedback.setId("feedback");
        VBox bottom = new VBox(12, modelPanel, buttons, feedback);
        bottom.setPadding(new Insets(8, 24, 16, 24));

        setCenter(reading);
        setBottom(bottom);
    }

    private void initListeners() {
        title.textProperty().bind(model.titleProperty());
        text.textProperty().bind(model.textProperty());
        model.textProperty().addListener((obs, old, now) -> textScroll.setVvalue(0));
        positive.textProperty().bind(Bindings.createStringBinding(() -> model.modelViewProperty().get().positiveText(),
                model.modelViewProperty()));
        positiveBar.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            double p = model.modelViewProperty().get().positiveProbability();
            return Double.isNaN(p) ? 0 : p;
        }, model.modelViewProperty()));
        entropy.textProperty().bind(Bindings.createStringBinding(() -> model.modelViewProperty().get().entropyText(),
                model.modelViewProperty()));
        reason.textProperty().bind(Bindings.createStringBinding(() -> model.modelViewProperty().get().reason(),
                model.modelViewProperty()));
        feedback.textProperty().bind(model.feedbackProperty());
        var nothingOpen = model.currentProperty().isNull();
        negativeButton.disableProperty().bind(nothingOpen);
        skipButton.disableProperty().bind(nothingOpen);
        positiveButton.disableProperty().bind(nothingOpen);
        negativeButton.setOnAction(e -> model.label(Sentiment.NEGATIVE));
        positiveButton.setOnAction(e -> model.label(Sentiment.POSITIVE));
        skipButton.setOnAction(e -> model.skip());
        undoButton.setOnAction(e -> model.undo());
    }

    /** Scrolls the review text by a fraction of its height (Page Up/Down, Up/Down keys). */
    void scroll(double delta) {
        textScroll.setVvalue(Math.max(0, Math.min(1, textScroll.getVvalue() + delta)));
    }

    private static Button answer(String name, String keys, String style) {
        Button button = new Button(name + "   " + keys);
        button.getStyleClass().addAll("answer", style);
        button.setTooltip(new Tooltip(name + " (" + keys + ")"));
        button.setMnemonicParsing(false);
        return button;
    }

    private static VBox labeled(String name, javafx.scene.Node value) {
        return new VBox(2, caption(name), value);
    }

    private static Label caption(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("caption");
        return label;
    }

    private static Region spacer() {
        Region region = new Region();
        HBox.setHgrow(region, Priority.ALWAYS);
        return region;
    }
}
