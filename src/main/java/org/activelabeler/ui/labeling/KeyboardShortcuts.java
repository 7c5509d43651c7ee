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

/**
 * The labeling keys, caught before any control sees them: 1 to 9 the classes in the label set's
 * order (for two classes also Left and Right), S skip, Delete removes a label, Ctrl+Z undo, Ctrl+R retrain, Ctrl+E export, Ctrl+F find,
 * Ctrl+H highlights the words that pulled the model most (or stops), Ctrl+Shift+H the label history,
 * Up/Down/Page keys scroll. A key held down labels
 * once: repeats are ignored until it is released. While a text field or a list box has the focus
 * the keys are theirs; Escape gives them back.
 */
public final class KeyboardShortcuts {
    private final LabelingViewModel model;
    private final LabelingView view;
    private final Runnable retrain;
    private final Runnable export;
    private final Runnable find;
    private final Runnable history;
    private final Set<KeyCode> held = new HashSet<>();
    private final EventHandler<KeyEvent> pressed = this::pressed;
    private final EventHandler<KeyEvent> released = e -> held.remove(e.getCode());

    public KeyboardShortcuts(LabelingViewModel model, LabelingView view, Runnable retrain, Runnable export,
                             Runnable find, Runnable history) {
        this.model = model;
        this.view = view;
        this.retrain = retrain;
        this.export = export;
        this.find = find;
        this.history = history;
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
            } else if (e.getCode() == KeyCode.E) {
                held.remove(KeyCode.E);
                export.run();
                e.consume();
            } else if (e.getCode() == KeyCode.F) {
                held.remove(KeyCode.F);
                find.run();
                e.consume();
            } else if (e.getCode() == KeyCode.H && e.isShiftDown()) {
                held.remove(KeyCode.H);
                history.run();
                e.consume();
            } else if (e.getCode() == KeyCode.H) {
                model.highlightingProperty().set(!model.highlightingProperty().get());
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
        int klass = classOf(code, model.labelSet().size());
        if (klass >= 0) {
            model.label(klass);
            return true;
        }
        switch (code) {
            case S -> model.skip();
            case DELETE, BACK_SPACE -> model.removeLabel();
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

    /** The class a key labels, or -1: 1 to 9 (top row or keypad), and Left/Right for two classes. */
    static int classOf(KeyCode code, int classes) {
        if (classes == 2 && (code == KeyCode.LEFT || code == KeyCode.RIGHT)) {
            return code == KeyCode.LEFT ? 0 : 1;
        }
        String name = code.getName();
        int digit = code.isDigitKey() ? Character.getNumericValue(name.charAt(name.length() - 1)) : -1;
        return digit >= 1 && digit <= Math.min(9, classes) ? digit - 1 : -1;
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
