package org.activelabeler.ui.labeling;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
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
        flow.layoutBoundsProperty().addListener((obs, old, now) -> drawMarks());
    }

    void show(String value) {
        text.setText(value);
        drawMarks();
    }

    void highlight(List<WordPull> strongest) {
        words = strongest;
        drawMarks();
    }

    /** How many words are marked now. */
    int marked() {
        return marks.getChildren().size();
    }

    private void drawMarks() {
        marks.getChildren().clear();
        int length = text.getText() == null ? 0 : text.getText().length();
        for (WordPull word : words) {
            if (word.end() > length) {
                continue;
            }
            PathElement[] shape = flow.rangeShape(word.start(), word.end());
            Path mark = new Path(shape);
            mark.getStyleClass().add(word.toward() ? "word-toward" : "word-away");
            mark.setLayoutX(flow.getLayoutX());
            mark.setLayoutY(flow.getLayoutY());
            marks.getChildren().add(mark);
        }
    }
}
