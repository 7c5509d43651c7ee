package org.activelabeler.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which columns (CSV, TSV) or fields (JSON Lines) hold the text, the label and the id. Each is
 * named by the person, or found by its common names; the label and id may be absent.
 *
 * @param text the text column, or null to find it
 * @param label the label column, or null to find it ("" for none: the file's labels are not read)
 * @param id the id column, or null to find it ("" for none)
 */
public record ColumnChoice(String text, String label, String id) {
    public static final ColumnChoice FIND = new ColumnChoice(null, null, null);
    public static final List<String> TEXT_NAMES = List.of("review", "text", "sentence", "question", "content");
    public static final List<String> LABEL_NAMES = List.of("sentiment", "label", "category", "class");
    public static final List<String> ID_NAMES = List.of("id");

    /** Where the chosen columns are in a file with these column names. */
    public Columns resolve(Path file, long line, List<String> names) {
        int textAt = find(names, text, TEXT_NAMES);
        if (textAt < 0) {
            throw new DatasetFormatException(file, line, text != null
                    ? "there is no column '" + text + "' (found: " + String.join(", ", names) + "); name one of those"
                    + " with --text-column"
                    : "no text column: none of " + String.join(", ", TEXT_NAMES) + " (found: " + String.join(", ", names)
                    + "); name the text column with --text-column");
        }
        int labelAt = "".equals(label) ? -1 : find(names, label, LABEL_NAMES);
        if (label != null && !label.isEmpty() && labelAt < 0) {
            throw new DatasetFormatException(file, line, "there is no column '" + label + "' (found: "
                    + String.join(", ", names) + "); name one of those with --label-column");
        }
        int idAt = "".equals(id) ? -1 : find(names, id, ID_NAMES);
        if (id != null && !id.isEmpty() && idAt < 0) {
            throw new DatasetFormatException(file, line, "there is no column '" + id + "' (found: "
                    + String.join(", ", names) + ")");
        }
        if (labelAt == textAt || idAt == textAt) {
            throw new DatasetFormatException(file, line, "the text column '" + names.get(textAt)
                    + "' cannot also be the label or id column");
        }
        return new Columns(names.get(textAt), labelAt < 0 ? null : names.get(labelAt),
                idAt < 0 ? null : names.get(idAt), textAt, labelAt, idAt);
    }

    private static int find(List<String> names, String wanted, List<String> common) {
        if (wanted != null) {
            return indexOfIgnoringCase(names, wanted);
        }
        for (String candidate : common) {
            int at = indexOfIgnoringCase(names, candidate);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    private static int indexOfIgnoringCase(List<String> names, String wanted) {
        String key = wanted.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).strip().toLowerCase(Locale.ROOT).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The columns a file's rows are read from, by name and position (-1 when absent).
     *
     * @param label the label column's name, or null when the file's labels are not read
     * @param id the id column's name, or null
     */
    public record Columns(String text, String label, String id, int textAt, int labelAt, int idAt) {
    }
}
