package org.activelabeler.cli;

import org.activelabeler.dataset.ColumnChoice;
import org.activelabeler.dataset.DatasetOrigin;
import org.activelabeler.dataset.ImportOptions;
import org.activelabeler.dataset.LabelSet;
import picocli.CommandLine.Option;

/** Which columns of a file to read: the options every command that reads a file shares. */
final class ColumnOptions {
    @Option(names = "--text-column", paramLabel = "NAME",
            description = "Column (or JSON field) with the text (default: the first of review, text, sentence,"
                    + " question, content).")
    String textColumn;

    @Option(names = "--label-column", paramLabel = "NAME",
            description = "Column with the labels (default: the first of sentiment, label, category, class; \"\" for"
                    + " none).")
    String labelColumn;

    @Option(names = "--id-column", paramLabel = "NAME", description = "Column with each row's id (default: id).")
    String idColumn;

    ImportOptions options(DatasetOrigin origin) {
        return options(origin, null);
    }

    /** @param labels the classes the person declared (import's --labels), or null */
    ImportOptions options(DatasetOrigin origin, String labels) {
        return new ImportOptions(new ColumnChoice(textColumn, labelColumn, idColumn),
                labels == null ? null : declared(labels), origin);
    }

    private static LabelSet declared(String labels) {
        try {
            return LabelSet.declared(labels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--labels \"" + labels + "\": " + e.getMessage()
                    + "; list the classes once each, comma-separated", e);
        }
    }
}
