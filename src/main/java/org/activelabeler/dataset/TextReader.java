package org.activelabeler.dataset;

import java.nio.file.Path;
import java.util.List;

/** Reads text files (CSV, TSV, JSON Lines, each also gzipped) into rows; validates all of a file first. */
public interface TextReader {

    /** The whole file; throws {@link DatasetFormatException} naming the file, the line and what to do. */
    SourceFile read(Path file, ColumnChoice columns);

    /** The format, the column names and the first {@code rows} records, for an import dialog's preview. */
    Preview preview(Path file, int rows);

    /**
     * @param columns the names of the columns (CSV/TSV header) or of the fields of the first objects (JSON Lines)
     * @param rows the values of the first records, in the order of {@code columns} ("" where absent)
     */
    record Preview(TextFormat format, List<String> columns, List<List<String>> rows) {
    }
}
