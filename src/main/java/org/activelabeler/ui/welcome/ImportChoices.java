package org.activelabeler.ui.welcome;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.activelabeler.dataset.ColumnChoice;
import org.activelabeler.dataset.DatasetFormatException;
import org.activelabeler.dataset.DatasetOrigin;
import org.activelabeler.dataset.ImportOptions;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.dataset.TextReader;

/**
 * What the import dialog lets the person choose, from a preview of the file: the text, label and id
 * columns (found by their common names first) and, optionally, the classes in key order.
 */
public final class ImportChoices {
    /** The label and id boxes' entry for "no such column". */
    public static final String NONE = "(none)";

    private final Path file;
    private final TextReader.Preview preview;
    private String text;
    private String label;
    private String id;
    private String classes = "";

    public ImportChoices(Path file, TextReader.Preview preview) {
        this.file = file;
        this.preview = preview;
        ColumnChoice.Columns found = found(file, preview.columns());
        text = found == null ? preview.columns().get(0) : found.text();
        label = found == null || found.label() == null ? NONE : found.label();
        id = found == null || found.id() == null ? NONE : found.id();
    }

    private static ColumnChoice.Columns found(Path file, List<String> columns) {
        try {
            return ColumnChoice.FIND.resolve(file, 1, columns);
        } catch (DatasetFormatException e) {
            return null;
        }
    }

    public Path file() {
        return file;
    }

    public TextReader.Preview preview() {
        return preview;
    }

    public List<String> columns() {
        return preview.columns();
    }

    public String text() {
        return text;
    }

    public String label() {
        return label;
    }

    public String id() {
        return id;
    }

    public String classes() {
        return classes;
    }

    public void text(String column) {
        text = column;
    }

    public void label(String column) {
        label = column == null ? NONE : column;
    }

    public void id(String column) {
        id = column == null ? NONE : column;
    }

    /** The classes as the person wrote them, comma-separated; blank to take them from the file. */
    public void classes(String commaSeparated) {
        classes = commaSeparated == null ? "" : commaSeparated;
    }

    /** Why these choices cannot be imported, or empty when they can. */
    public Optional<String> problem() {
        if (text == null || text.isBlank()) {
            return Optional.of("Choose the column that holds the text.");
        }
        if (text.equals(label) || text.equals(id)) {
            return Optional.of("The text column '" + text + "' cannot also be the label or id column.");
        }
        if (!label.equals(NONE) && label.equals(id)) {
            return Optional.of("The label column '" + label + "' cannot also be the id column.");
        }
        if (!classes.isBlank()) {
            try {
                LabelSet.declared(classes);
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage() + ".");
            }
        }
        return Optional.empty();
    }

    /** Where the classes will come from, in a sentence for the dialog. */
    public String classesHint() {
        if (!classes.isBlank() && problem().isEmpty()) {
            LabelSet declared = LabelSet.declared(classes);
            return declared.size() + " classes in this order, keys 1 to " + Math.min(9, declared.size())
                    + (label.equals(NONE) ? "" : "; every label in '" + label + "' must be one of them");
        }
        if (label.equals(NONE)) {
            return "No label column: name the classes (comma-separated), or leave blank for negative,positive";
        }
        return "Leave blank to take the classes in '" + label + "', sorted by name, or write them in the order"
                + " you want for keys 1 to 9";
    }

    /** The options to import with; call only when {@link #problem()} is empty. */
    public ImportOptions options() {
        ColumnChoice columns = new ColumnChoice(text, label.equals(NONE) ? "" : label, id.equals(NONE) ? "" : id);
        return new ImportOptions(columns, classes.isBlank() ? null : LabelSet.declared(classes), DatasetOrigin.IMPORT);
    }
}
