package org.activelabeler.dataset.file;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.activelabeler.dataset.ColumnChoice;
import org.activelabeler.dataset.DatasetFormatException;
import org.activelabeler.dataset.SourceRow;
import org.activelabeler.dataset.TextFormat;
import org.activelabeler.dataset.TextReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV (RFC 4180 quoting) and TSV rows under a header line; LF or CRLF. Empty lines are skipped, and
 * line numbers count them, so that a message names the line a person sees in an editor.
 */
final class DelimitedRows implements Rows {
    private final TextFormat format;
    private final CSVFormat csv;

    DelimitedRows(TextFormat format) {
        this.format = format;
        CSVFormat.Builder builder = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true);
        if (format == TextFormat.TSV) {
            builder.setDelimiter('\t');
        }
        this.csv = builder.get();
    }

    @Override
    public Parsed read(Path file, Reader reader, ColumnChoice choice, int limit) throws IOException {
        EmptyLineTrackingReader lines = new EmptyLineTrackingReader(reader);
        try (CSVParser parser = CSVParser.builder().setReader(lines).setFormat(csv).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!hasNext(file, records, lines, 0)) {
                throw new DatasetFormatException(file, 0, "the file is empty; expected a header line naming the"
                        + " columns, such as 'text,label' or 'review,sentiment'");
            }
            CSVRecord header = records.next();
            long headerLine = lines.firstNonEmptyLine(1);
            List<String> names = names(file, header, headerLine);
            ColumnChoice.Columns columns = choice.resolve(file, headerLine, names);
            List<SourceRow> rows = new ArrayList<>();
            long lineAfterPrevious = parser.getCurrentLineNumber();
            while (rows.size() < limit && hasNext(file, records, lines, lineAfterPrevious)) {
                CSVRecord record = records.next();
                long line = lines.firstNonEmptyLine(lineAfterPrevious + 1);
                if (record.size() != names.size()) {
                    throw new DatasetFormatException(file, line, "expected " + names.size() + " fields as in the"
                            + " header, found " + record.size() + "; " + (format == TextFormat.TSV
                            ? "a tab inside a field must be in a quoted field" : "quote fields that contain commas"));
                }
                rows.add(Rows.row(file, line, record.get(columns.textAt()),
                        columns.labelAt() < 0 ? null : record.get(columns.labelAt()),
                        columns.idAt() < 0 ? null : record.get(columns.idAt())));
                lineAfterPrevious = parser.getCurrentLineNumber();
            }
            if (rows.isEmpty()) {
                throw new DatasetFormatException(file, 0, "no rows after the header line");
            }
            return new Parsed(columns, rows);
        }
    }

    @Override
    public TextReader.Preview preview(Path file, Reader reader, int limit, TextFormat format) throws IOException {
        EmptyLineTrackingReader lines = new EmptyLineTrackingReader(reader);
        try (CSVParser parser = CSVParser.builder().setReader(lines).setFormat(csv).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!hasNext(file, records, lines, 0)) {
                throw new DatasetFormatException(file, 0, "the file is empty");
            }
            List<String> names = records.next().toList().stream().map(String::strip).toList();
            List<List<String>> rows = new ArrayList<>();
            long lineAfterPrevious = parser.getCurrentLineNumber();
            while (rows.size() < limit && hasNext(file, records, lines, lineAfterPrevious)) {
                List<String> values = new ArrayList<>(records.next().toList());
                while (values.size() < names.size()) {
                    values.add("");
                }
                rows.add(values.subList(0, names.size()));
                lineAfterPrevious = parser.getCurrentLineNumber();
            }
            return new TextReader.Preview(format, names, rows);
        }
    }

    private static List<String> names(Path file, CSVRecord header, long line) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : header) {
            String name = raw.strip();
            if (!name.isEmpty() && !seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new DatasetFormatException(file, line, "the header names the column '" + name
                        + "' twice; rename or remove one of them");
            }
            names.add(name);
        }
        return names;
    }

    /**
     * The parser skips empty lines, so a record starts on the first non-empty line after the
     * previous record; {@code lines} knows which lines were empty.
     */
    private static boolean hasNext(Path file, Iterator<CSVRecord> records, EmptyLineTrackingReader lines,
                                   long lineAfterPrevious) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            if (cause instanceof CharacterCodingException || cause instanceof java.io.EOFException
                    || cause instanceof java.util.zip.ZipException) {
                throw TextFiles.translate(file, cause);
            }
            throw new DatasetFormatException(file, lines.firstNonEmptyLine(lineAfterPrevious + 1),
                    "broken quoting in the record that starts here (" + cause.getMessage()
                            + "); a quoted field must end with a quote, and quotes inside it must be doubled (\"\")");
        }
    }
}
