package org.activelabeler.ui.labeling;

import java.util.HashSet;
import java.util.Set;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.activelabeler.dataset.Sentiment;

/**
 * The labeling keys, caught before any control sees them: Left or 1 negative, Right or 2
 * positive, S skip, Ctrl+Z undo, Ctrl+R retrain, Up/Down/Page keys scroll. A key held down labels
 * once: repeats are ignored until it is released. While a text field or a list box has the focus
 * the keys are theirs; Escape gives them back.
 */
public final class KeyboardShortcuts {
    private final LabelingViewModel model;
    private final LabelingView view;
    private final Runnable retrain;
    private final Set<KeyCode> held = new HashSet<>();
    private final EventHandler<KeyEvent> pressed = this::pressed;
    private final EventHandler<KeyEvent> released = e -> held.remove(e.getCode());

    public KeyboardShortcuts(LabelingViewModel model, LabelingView view, Runnable retrain) {
        this.model = model;
        this.view = view;
        this.retrain = retrain;
    }

    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, pressed);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, released);
    }

    public void uninstall(Scene scene) {
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, pressed);
        scene.removeEventFilter(KeyEvent.KEY_RELEASED, released);
        held.clear();
    }

    private void pressed(KeyEvent e) {
        Node focus = e.getTarget() instanceof Node node ? node : null;
        if (e.getCode() == KeyCode.ESCAPE) {
            view.requestFocus();
            return;
        }
        if (typingIn(focus) || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        if (!held.add(e.getCode())) {
            e.consume();
            return;
        }
        if (e.isShortcutDown()) {
            if (e.getCode() == KeyCode.Z) {
                model.undo();
                e.consume();
            } else if (e.getCode() == KeyCode.R) {
                retrain.run();
                e.consume();
            }
            return;
        }
        if (act(e.getCode())) {
            e.consume();
        } else {
            held.remove(e.getCode());
        }
    }

    private boolean act(KeyCode code) {
        switch (code) {
            case LEFT, DIGIT1, NUMPAD1 -> model.label(Sentiment.NEGATIVE);
            case RIGHT, DIGIT2, NUMPAD2 -> model.label(Sentiment.POSITIVE);
            case S -> model.skip();
            case UP -> view.scroll(-0.1);
            case DOWN -> view.scroll(0.1);
            case PAGE_UP -> view.scroll(-0.5);
            case PAGE_DOWN -> view.scroll(0.5);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean typingIn(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof ComboBoxBase<?> || n instanceof Spinner<?>
                    || n instanceof javafx.scene.control.Slider || n instanceof javafx.scene.control.ListView<?>) {
                return true;
            }
        }
        return false;
    }
}
