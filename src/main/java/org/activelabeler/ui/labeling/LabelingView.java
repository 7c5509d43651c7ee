package org.activelabeler.ui.labeling;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.activelabeler.dataset.LabelSet;

/**
 * The text being read, the model's view of it (its probability for each class), and the answers:
 * one button per class, then skip and undo. The text is plain text in a label: never parsed as HTML.
 * Every button names its keys; the keys work wherever the focus is (see {@link KeyboardShortcuts}).
 */
public final class LabelingView extends BorderPane {
    /** Past this many classes the model's view lists only the likeliest ones. */
    static final int CLASSES_SHOWN = 6;
    private final LabelingViewModel model;
    private final Label title = new Label();
    private final ReviewTextView text = new ReviewTextView();
    private final ScrollPane textScroll = new ScrollPane(text);
    private final javafx.scene.control.CheckBox highlight = new javafx.scene.control.CheckBox("Highlight words");
    private final Label legend = new Label();
    private final Label top = new Label();
    private final VBox distribution = new VBox(3);
    private final List<ClassBar> distributionRows = new ArrayList<>();
    private final Label entropy = new Label();
    private final Label reason = new Label();
    private final Label feedback = new Label();
    private final Label notice = new Label();
    private final javafx.animation.PauseTransition noticeShown =
            new javafx.animation.PauseTransition(javafx.util.Duration.seconds(6));
    private final List<Button> classButtons = new ArrayList<>();
    final Button skipButton = answer("Skip", "S", "skip");
    final Button undoButton = answer("Undo", "Ctrl+Z", "undo");

    public LabelingView(LabelingViewModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("labeling-view");
        title.getStyleClass().add("review-title");
        title.setId("review-title");
        textScroll.setFitToWidth(true);
        textScroll.setFocusTraversable(false);
        textScroll.getStyleClass().add("review-scroll");
        notice.setId("round-notice");
        notice.getStyleClass().add("round-notice");
        notice.setVisible(false);
        notice.setManaged(false);
        noticeShown.setOnFinished(e -> {
            notice.setVisible(false);
            notice.setManaged(false);
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, title, gap, notice);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox reading = new VBox(10, header, textScroll);
        VBox.setVgrow(textScroll, Priority.ALWAYS);
        reading.setPadding(new Insets(20, 24, 8, 24));

        top.setId("model-top");
        distribution.setId("model-distribution");
        entropy.setId("model-entropy");
        reason.setId("model-reason");
        reason.setWrapText(true);
        reason.getStyleClass().add("muted");
        HBox numbers = new HBox(18, labeled("most likely", top), labeled("entropy", entropy));
        highlight.setId("highlight-words");
        highlight.setFocusTraversable(false);
        highlight.setTooltip(new Tooltip("Mark the words that pulled the model's prediction most (Ctrl+H)"));
        legend.setId("highlight-legend");
        legend.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox heading = new HBox(12, caption("The model's view"), spacer, legend, highlight);
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox modelPanel = new VBox(6, heading, numbers, distribution, reason);
        modelPanel.getStyleClass().add("model-panel");

        LabelSet labels = model.labelSet();
        FlowPane buttons = new FlowPane(12, 8);
        for (int c = 0; c < labels.size(); c++) {
            Button button = answer(labels.name(c), keys(labels, c), "class-answer");
            button.setId("class-button-" + c);
            classButtons.add(button);
            buttons.getChildren().add(button);
        }
        skipButton.setId("skip-button");
        undoButton.setId("undo-button");
        buttons.getChildren().addAll(skipButton, undoButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        feedback.getStyleClass().add("muted");
        feedback.setId("feedback");
        VBox bottom = new VBox(12, modelPanel, buttons, feedback);
        bottom.setPadding(new Insets(8, 24, 16, 24));

        setCenter(reading);
        setBottom(bottom);
    }

    /**
     * A short message beside the text's title (a finished retrain), in the theme's colours, for a few
     * seconds; a new one takes its place. It covers nothing.
     */
    public void showNotice(String message) {
        notice.setText(message);
        notice.setVisible(true);
        notice.setManaged(true);
        noticeShown.playFromStart();
    }

    /** The message shown beside the title, or empty when none is. */
    public String notice() {
        return notice.isVisible() ? notice.getText() : "";
    }

    private void initListeners() {
        title.textProperty().bind(model.titleProperty());
        text.show(model.textProperty().get());
        model.textProperty().addListener((obs, old, now) -> {
            text.show(now);
            textScroll.setVvalue(0);
        });
        highlight.selectedProperty().bindBidirectional(model.highlightingProperty());
        model.highlightsProperty().addListener((obs, old, now) -> showHighlights(now));
        showHighlights(model.highlightsProperty().get());
        top.textProperty().bind(Bindings.createStringBinding(() -> model.modelViewProperty().get().topText(),
                model.modelViewProperty()));
        model.modelViewProperty().addListener((obs, old, now) -> showDistribution(now));
        showDistribution(model.modelViewProperty().get());
        entropy.textProperty().bind(Bindings.createStringBinding(() -> model.modelViewProperty().get().entropyText(),
                model.modelViewProperty()));
        reason.textProperty().bind(Bindings.createStringBinding(() -> model.modelViewProperty().get().reason(),
                model.modelViewProperty()));
        feedback.textProperty().bind(model.feedbackProperty());
        var nothingOpen = model.currentProperty().isNull();
        skipButton.disableProperty().bind(nothingOpen);
        for (int c = 0; c < classButtons.size(); c++) {
            int klass = c;
            classButtons.get(c).disableProperty().bind(nothingOpen);
            classButtons.get(c).setOnAction(e -> model.label(klass));
        }
        skipButton.setOnAction(e -> model.skip());
        undoButton.setOnAction(e -> model.undo());
    }

    /** Marks the words and says what the colours mean (for which class), or nothing without marks. */
    private void showHighlights(List<org.activelabeler.explain.WordPull> words) {
        text.highlight(words);
        int top = model.modelViewProperty().get().top();
        legend.setText(words.isEmpty() || top < 0 ? ""
                : "green: toward " + model.labelSet().name(top) + ", red: away from it");
    }

    /** How many words of the text are marked now. */
    public int highlightedWords() {
        return text.marked();
    }

    /**
     * One bar per class, the likeliest first past {@value #CLASSES_SHOWN} classes; empty before a model. The
     * rows are made once and filled anew for each text: new bars on every key press would each need their
     * styles and skin again, in the pulse that shows the next text.
     */
    private void showDistribution(ModelView view) {
        if (view.probabilities() == null) {
            distribution.getChildren().clear();
            return;
        }
        LabelSet labels = view.labels();
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            order.add(c);
        }
        if (labels.size() > CLASSES_SHOWN) {
            order.sort((a, b) -> Double.compare(view.probability(b), view.probability(a)));
            order = order.subList(0, CLASSES_SHOWN);
        }
        while (distributionRows.size() < order.size()) {
            distributionRows.add(new ClassBar());
        }
        if (distribution.getChildren().size() != order.size()) {
            distribution.getChildren().setAll(distributionRows.subList(0, order.size()).stream()
                    .map(ClassBar::row).toList());
        }
        for (int i = 0; i < order.size(); i++) {
            int c = order.get(i);
            distributionRows.get(i).show(c, labels.name(c), view.probability(c));
        }
    }

    /** A class's row in the model's view: its name, a bar and the probability. */
    private static final class ClassBar {
        private final Label name = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final Label value = new Label();
        private final HBox row = new HBox(8, name, bar, value);

        ClassBar() {
            name.getStyleClass().add("class-name");
            name.setMinWidth(110);
            name.setMaxWidth(110);
            bar.setPrefWidth(160);
            bar.getStyleClass().add("class-bar");
            row.setAlignment(Pos.CENTER_LEFT);
        }

        HBox row() {
            return row;
        }

        void show(int klass, String className, double probability) {
            name.setText(className);
            bar.setProgress(probability);
            value.setText(String.format(java.util.Locale.ROOT, "%.2f", probability));
            value.setId("probability-" + klass);
        }
    }

    /** The keys of class {@code c}: its digit, and an arrow for two classes. */
    private static String keys(LabelSet labels, int c) {
        String digit = labels.key(c);
        if (labels.size() == 2) {
            return (c == 0 ? "←" : "→") + " or " + digit;
        }
        return digit == null ? "" : digit;
    }

    /** Scrolls the review text by a fraction of its height (Page Up/Down, Up/Down keys). */
    void scroll(double delta) {
        textScroll.setVvalue(Math.max(0, Math.min(1, textScroll.getVvalue() + delta)));
    }

    private static Button answer(String name, String keys, String style) {
        Button button = new Button(keys.isEmpty() ? name : name + "   " + keys);
        button.getStyleClass().addAll("answer", style);
        button.setTooltip(new Tooltip(keys.isEmpty() ? name : name + " (" + keys + ")"));
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

}
