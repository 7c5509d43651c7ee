package org.activelabeler.ui.labeling;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.activelabeler.explain.WordPull;

/**
 * The text being read, as plain text (never parsed), with the words that pulled the model most
 * marked behind it: one shape per word, drawn where the text flow lays the word out, so wrapping and
 * font size keep them in place.
 */
final class ReviewTextView extends StackPane {
    static final double MAX_WIDTH = 760;
    private final Text text = new Text();
    private final TextFlow flow = new TextFlow(text);
    private final Pane marks = new Pane();
    private List<WordPull> words = List.of();
    private final List<Path> shapes = new ArrayList<>();
    private boolean marksStale;

    ReviewTextView() {
        getStyleClass().add("review-page");
        text.getStyleClass().add("review-text");
        text.setId("review-text");
        flow.getStyleClass().add("review-flow");
        flow.setMaxWidth(MAX_WIDTH);
        marks.setId("review-highlights");
        marks.setMouseTransparent(true);
        marks.setManaged(false);
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(marks, flow);
        flow.layoutBoundsProperty().addListener((obs, old, now) -> marksLater());
    }

    void show(String value) {
        text.setText(value);
        marksLater();
    }

    void highlight(List<WordPull> strongest) {
        words = strongest;
        marksLater();
    }

    /**
     * The marks are drawn in the layout pass, once the flow has laid out the text: a new text and its
     * words come in the same key press, and laying a long text out for each would cost the frame twice.
     */
    private void marksLater() {
        marksStale = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (marksStale) {
            marksStale = false;
            flow.layout();
            drawMarks();
        }
    }

    /** How many words are marked now. */
    int marked() {
        return marks.getChildren().size();
    }

    /** One shape per word; the shapes are kept and reshaped for the next text, not made anew. */
    private void drawMarks() {
        int length = text.getText() == null ? 0 : text.getText().length();
        int used = 0;
        for (WordPull word : words) {
            if (word.end() > length) {
                continue;
            }
            if (used == shapes.size()) {
                Path made = new Path();
                made.getStyleClass().add("word-away");
                shapes.add(made);
            }
            Path mark = shapes.get(used++);
            mark.getElements().setAll(flow.rangeShape(word.start(), word.end()));
            String style = word.toward() ? "word-toward" : "word-away";
            if (!mark.getStyleClass().get(0).equals(style)) {
                mark.getStyleClass().set(0, style);
            }
            mark.setLayoutX(flow.getLayoutX());
            mark.setLayoutY(flow.getLayoutY());
        }
        if (marks.getChildren().size() != used) {
            marks.getChildren().setAll(shapes.subList(0, used));
        }
    }
}
