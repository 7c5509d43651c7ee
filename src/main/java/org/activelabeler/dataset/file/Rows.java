package org.activelabeler.dataset.file;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.activelabeler.dataset.ColumnChoice;
import org.activelabeler.dataset.DatasetFormatException;
import org.activelabeler.dataset.SourceRow;
import org.activelabeler.dataset.TextFormat;
import org.activelabeler.dataset.TextReader;

/** The rows of one file format. */
interface Rows {
    /** The longest text a row may have; the store's text column holds no more. */
    int MAX_TEXT_CHARS = 1_000_000;

    /** At most {@code limit} rows, every one validated. */
    Parsed read(Path file, Reader reader, ColumnChoice choice, int limit) throws IOException;

    /** The column names and the first {@code limit} records' values, without validating them. */
    TextReader.Preview preview(Path file, Reader reader, int limit, TextFormat format) throws IOException;

    record Parsed(ColumnChoice.Columns columns, List<SourceRow> rows) {
    }

    /** One row's text, label and id, checked: a text, not too long; an empty label is no label. */
    static SourceRow row(Path file, long line, String text, String label, String id) {
        if (text == null || text.isBlank()) {
            throw new DatasetFormatException(file, line, "empty text; remove the line or fill in the text");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new DatasetFormatException(file, line, String.format(Locale.ROOT, "the text has %,d characters,"
                    + " more than the %,d a text may have; shorten or split it", text.length(), MAX_TEXT_CHARS));
        }
        return new SourceRow(text, label == null || label.isBlank() ? null : label.strip(),
                id == null || id.isBlank() ? null : id.strip(), line);
    }
}
