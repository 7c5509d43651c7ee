package org.activelabeler.dataset.file;

import com.google.gson.stream.JsonWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.activelabeler.dataset.ExportFormat;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.io.IoReasons;
import org.activelabeler.labeling.LabelExport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes exported labels as CSV (RFC 4180, a header, UTF-8) or JSON Lines (one object per line, the
 * same field names), so that pandas ({@code read_csv}, {@code read_json(lines=True)}) and Hugging Face
 * {@code datasets} ({@code load_dataset("json", ...)}) read them without a custom reader, and
 * {@code import} reads them back: {@code text}, {@code label} and {@code id} are the columns it finds.
 * A file is written whole through a temporary file, or not at all; a {@code .gz} name is gzipped.
 */
public final class ExportFiles {
    private ExportFiles() {
    }

    /** The columns of the current-label export: id, text, label, annotator, time, source, then {@code p_<class>}. */
    public static List<String> columns(LabelSet labels, boolean predictions) {
        List<String> columns = new ArrayList<>(List.of("id", "text", "label", "annotator", "time", "source"));
        if (predictions) {
            labels.names().forEach(name -> columns.add("p_" + name));
        }
        return columns;
    }

    public static final List<String> EVENT_COLUMNS = List.of("seq", "id", "text", "action", "label", "annotator",
            "source", "time", "undone_at");

    /** Writes to a file, through a temporary file in its folder. */
    public static void write(Path file, Content content) {
        Path absolute = file.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                if (absolute.getFileName().toString().endsWith(".gz")) {
                    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                        content.writeTo(gzip);
                    }
                } else {
                    content.writeTo(out);
                }
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + IoReasons.of(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // nothing half-written stays under the real name either way
                }
            }
        }
    }

    /** What is written: rows in a format. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static Content labels(ExportFormat format, LabelSet labels, List<LabelExport.Row> rows,
                                 boolean predictions) {
        List<String> columns = columns(labels, predictions);
        return out -> table(out, format, columns, rows.stream().map(row -> {
            List<Object> values = new ArrayList<>(List.of(nullable(row.id()), row.text(), nullable(row.label()),
                    nullable(row.annotator()), time(row.time()), nullable(row.source())));
            if (predictions) {
                for (float p : row.probabilities()) {
                    values.add((double) p);
                }
            }
            return values;
        }).toList());
    }

    public static Content events(ExportFormat format, List<LabelExport.EventRow> rows) {
        return out -> table(out, format, EVENT_COLUMNS, rows.stream().map(row -> List.<Object>of(row.seq(),
                row.id(), row.text(), row.action(), nullable(row.label()), row.annotator(), row.source(),
                time(row.time()), time(row.undoneAt()))).toList());
    }

    private static void table(OutputStream out, ExportFormat format, List<String> columns, List<List<Object>> rows)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        if (format == ExportFormat.CSV) {
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            printer.printRecord(columns);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(v -> v == NONE ? "" : v).toList());
            }
            printer.flush();
        } else {
            for (List<Object> row : rows) {
                JsonWriter json = new JsonWriter(writer);
                json.setSerializeNulls(true);
                json.beginObject();
                for (int i = 0; i < columns.size(); i++) {
                    json.name(columns.get(i));
                    Object value = row.get(i);
                    if (value == NONE) {
                        json.nullValue();
                    } else if (value instanceof Number number) {
                        json.value(number);
                    } else {
                        json.value(value.toString());
                    }
                }
                json.endObject();
                json.flush();
                writer.write('\n');
            }
        }
        writer.flush();
    }

    /** An absent value: empty in CSV, null in JSON. */
    private static final Object NONE = new Object();

    private static Object nullable(String value) {
        return value == null ? NONE : value;
    }

    private static Object time(Instant time) {
        return time == null ? NONE : time.toString();
    }
}
