package org.activelabeler.ui.dataset;

import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The toolbar's Dataset menu: find texts, the label history, the team's disagreements, export the labels, add a
 * class, other datasets.
 */
public final class DatasetMenu extends MenuButton {
    /** Ctrl+E, as in most tools that export. */
    public static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination HISTORY = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination CONFLICTS = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    public DatasetMenu(DatasetActions actions) {
        super("Dataset");
        setId("dataset-menu");
        MenuItem export = new MenuItem("Export labels...");
        export.setId("export-labels");
        export.setAccelerator(EXPORT);
        export.setOnAction(e -> actions.exportLabels().run());
        MenuItem addClass = new MenuItem("Add class...");
        addClass.setId("add-class");
        addClass.setOnAction(e -> actions.addClass().run());
        MenuItem others = new MenuItem("Other datasets...");
        others.setId("other-datasets");
        others.setOnAction(e -> actions.otherDatasets().run());
        MenuItem find = new MenuItem("Find texts...");
        find.setId("find-texts");
        find.setAccelerator(FIND);
        find.setOnAction(e -> actions.find().run());
        MenuItem history = new MenuItem("Label history...");
        history.setId("label-history");
        history.setAccelerator(HISTORY);
        history.setOnAction(e -> actions.history().run());
        MenuItem conflicts = new MenuItem("Disagreements and agreement...");
        conflicts.setId("team-conflicts");
        conflicts.setAccelerator(CONFLICTS);
        conflicts.setOnAction(e -> actions.conflicts().run());
        getItems().addAll(find, history, conflicts, export, addClass, new SeparatorMenuItem(), others);
    }
}
