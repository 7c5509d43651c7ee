package org.activelabeler.dataset.file;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.activelabeler.dataset.ColumnChoice;
import org.activelabeler.dataset.DatasetFormatException;
import org.activelabeler.dataset.SourceRow;
import org.activelabeler.dataset.TextFormat;
import org.activelabeler.dataset.TextReader;

/**
 * JSON Lines: one JSON object per line, such as {@code {"id": 7, "text": "...", "label": "Sports"}};
 * blank lines are skipped. The fields are found among the first object's; strings and numbers are
 * read as text, {@code null} or a missing label as no label.
 */
final class JsonLinesRows implements Rows {

    @Override
    public Parsed read(Path file, Reader reader, ColumnChoice choice, int limit) throws IOException {
        BufferedReader lines = new BufferedReader(reader, 1 << 16);
        List<SourceRow> rows = new ArrayList<>();
        ColumnChoice.Columns columns = null;
        long number = 0;
        String line;
        while (rows.size() < limit && (line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonObject object = object(file, number, line);
            if (columns == null) {
                columns = choice.resolve(file, number, List.copyOf(object.keySet()));
            }
            if (!object.has(columns.text()) || object.get(columns.text()).isJsonNull()) {
                throw new DatasetFormatException(file, number, "no '" + columns.text() + "' field; every line needs"
                        + " the text");
            }
            rows.add(Rows.row(file, number, value(file, number, object, columns.text()),
                    columns.label() == null ? null : value(file, number, object, columns.label()),
                    columns.id() == null ? null : value(file, number, object, columns.id())));
        }
        if (rows.isEmpty()) {
            throw new DatasetFormatException(file, 0, "the file is empty; expected one JSON object per line, such as"
                    + " {\"text\": \"...\", \"label\": \"...\"}");
        }
        return new Parsed(columns, rows);
    }

    @Override
    public TextReader.Preview preview(Path file, Reader reader, int limit, TextFormat format) throws IOException {
        BufferedReader lines = new BufferedReader(reader, 1 << 16);
        List<JsonObject> objects = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        long number = 0;
        String line;
        while (objects.size() < limit && (line = lines.readLine()) != null) {
            number++;
            if (!line.isBlank()) {
                JsonObject object = object(file, number, line);
                objects.add(object);
                names.addAll(object.keySet());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonObject object : objects) {
            List<String> values = new ArrayList<>();
            for (String name : names) {
                JsonElement value = object.get(name);
                values.add(value == null || value.isJsonNull() ? "" : value.isJsonPrimitive()
                        ? value.getAsString() : value.toString());
            }
            rows.add(values);
        }
        return new TextReader.Preview(format, List.copyOf(names), rows);
    }

    private static JsonObject object(Path file, long number, String line) {
        try {
            JsonElement element = JsonParser.parseString(line);
            if (element.isJsonObject()) {
                return element.getAsJsonObject();
            }
        } catch (JsonSyntaxException e) {
            throw new DatasetFormatException(file, number, "not valid JSON (" + firstSentence(e.getMessage())
                    + "); each line must be one JSON object such as {\"text\": \"...\", \"label\": \"...\"}");
        }
        throw new DatasetFormatException(file, number, "not a JSON object; each line must be one object such as"
                + " {\"text\": \"...\", \"label\": \"...\"}");
    }

    private static String value(Path file, long number, JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive()) {
            throw new DatasetFormatException(file, number, "the field '" + field + "' is " + (value.isJsonArray()
                    ? "a list" : "an object") + "; it must be a string or a number");
        }
        return value.getAsString();
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = message.replaceFirst("^[\\w.]+Exception: ", "");
        int cut = text.indexOf(" See https");
        return cut > 0 ? text.substring(0, cut) : text;
    }
}
