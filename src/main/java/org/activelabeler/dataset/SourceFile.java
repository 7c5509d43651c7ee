package org.activelabeler.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed data file.
 *
 * @param path where it was read from
 * @param sha256 hex digest of the decompressed content, which identifies the file on re-import
 * @param format how it was read
 * @param columns which columns the texts, labels and ids came from
 * @param rows the records in file order
 */
public record SourceFile(Path path, String sha256, TextFormat format, ColumnChoice.Columns columns,
                         List<SourceRow> rows) {

    /** Whether the file has a label column (some rows may still lack a label). */
    public boolean labeled() {
        return columns.label() != null;
    }
}
