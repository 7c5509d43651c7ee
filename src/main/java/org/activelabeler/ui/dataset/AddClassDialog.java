package org.activelabeler.ui.dataset;

import java.util.Optional;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.activelabeler.dataset.LabelSet;

/** Asks for the name of a class to add at the end of the label set. */
public final class AddClassDialog {
    private AddClassDialog() {
    }

    /** The name, stripped; empty when the person cancels or leaves it blank. */
    public static Optional<String> ask(Window owner, LabelSet labels) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.setTitle("Add class");
        int next = labels.size();
        dialog.setHeaderText("The classes are " + labels.quoted() + ". The new one comes last"
                + (labels.key(next) != null ? ", on key " + labels.key(next) : "")
                + "; every label so far keeps its class.");
        dialog.setContentText("Name:");
        return dialog.showAndWait().map(String::strip).filter(name -> !name.isEmpty());
    }
}
