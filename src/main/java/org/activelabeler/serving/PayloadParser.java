package org.activelabeler.serving;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Turns the body of a {@code POST /invocations} into its texts, in row order, reading the forms MLflow 2.x's pyfunc
 * scoring server reads: JSON with one of {@code dataframe_split}, {@code dataframe_records}, {@code instances} or
 * {@code inputs} (and an optional {@code params}, ignored), or CSV with a header row. Anything else is a
 * {@link BadPayloadException} whose message says what is wrong.
 */
final class PayloadParser {

    /** The two body formats, by media type. */
    enum Format { JSON, CSV }

    static final List<String> FORMAT_KEYS = List.of("dataframe_split", "dataframe_records", "instances", "inputs");

    private static final CSVFormat CSV_WITH_HEADER = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();

    private final String textColumn;
    private final int maxRows;

    PayloadParser(String textColumn, int maxRows) {
        this.textColumn = textColumn;
        this.maxRows = maxRows;
    }

    /**
     * The format a {@code Content-Type} header names: {@code application/json} or {@code text/csv}, with at most a
     * UTF-8 {@code charset} parameter, as MLflow accepts; anything else is a 415.
     */
    static Format format(String contentType) throws BadPayloadException {
        if (contentType == null || contentType.isBlank()) {
            throw BadPayloadException.unsupportedMediaType(
                    "the request has no Content-Type; send application/json or text/csv");
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        Format format = switch (mediaType) {
            case "application/json" -> Format.JSON;
            case "text/csv" -> Format.CSV;
            default -> throw BadPayloadException.unsupportedMediaType(
                    "unsupported Content-Type '" + contentType.trim() + "'; send application/json or text/csv");
        };
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : unquote(parameter.substring(equals + 1).trim());
            if (!name.equals("charset")) {
                throw BadPayloadException.unsupportedMediaType(
                        "unsupported Content-Type parameter '" + name + "'; only charset is read");
            }
            if (!value.equalsIgnoreCase("utf-8") && !value.equalsIgnoreCase("utf8")) {
                throw BadPayloadException.unsupportedMediaType(
                        "unsupported charset '" + value + "'; the scoring server reads UTF-8 only");
            }
        }
        return format;
    }

    /** The texts of a body in the given format, at most {@code maxRows} of them. */
    List<String> parse(Format format, byte[] body) throws BadPayloadException {
        String text = utf8(body);
        return format == Format.JSON ? parseJson(text) : parseCsv(text);
    }

    // ---- JSON ----

    private List<String> parseJson(String text) throws BadPayloadException {
        JsonElement root = readJson(text);
        if (!root.isJsonObject()) {
            throw BadPayloadException.badRequest("the JSON body must be an object with one of the keys "
                    + FORMAT_KEYS + ", got " + kind(root));
        }
        JsonObject object = root.getAsJsonObject();
        List<String> present = FORMAT_KEYS.stream().filter(object::has).toList();
        if (present.size() != 1) {
            throw BadPayloadException.badRequest("the JSON body must hold exactly one of the keys " + FORMAT_KEYS
                    + " (and optionally params); it has the keys " + object.keySet());
        }
        String key = present.get(0);
        JsonElement value = object.get(key);
        return switch (key) {
            case "dataframe_split" -> dataframeSplit(value);
            case "dataframe_records" -> dataframeRecords(value);
            default -> tensorInput(key, value);
        };
    }

    /** Strict JSON (no comments, single quotes or trailing data), with Gson's words for where it breaks. */
    private static JsonElement readJson(String text) throws BadPayloadException {
        if (text.isBlank()) {
            throw BadPayloadException.badRequest("the request body is empty; expected a JSON object");
        }
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement root;
        try {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw BadPayloadException.badRequest("malformed JSON: " + gsonMessage(cause.getMessage()));
        }
        boolean more;
        try {
            more = reader.peek() != JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            more = true; // in strict mode a second value is a syntax error
        }
        if (more) {
            throw BadPayloadException.badRequest(
                    "malformed JSON: more data after the end of the JSON value " + location(reader));
        }
        return root;
    }

    /** Gson's message without its advice to the programmer: "Unterminated array at line 1 column 9 path $.inputs". */
    private static String gsonMessage(String message) {
        String line = firstLine(message);
        String advice = "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON";
        return line.startsWith(advice) ? "invalid syntax" + line.substring(advice.length()) : line;
    }

    private List<String> dataframeSplit(JsonElement value) throws BadPayloadException {
        JsonObject split = object(value, "dataframe_split");
        List<String> columns = new ArrayList<>();
        JsonElement columnsValue = split.get("columns");
        if (columnsValue != null) {
            JsonArray names = array(columnsValue, "dataframe_split.columns");
            for (int i = 0; i < names.size(); i++) {
                JsonElement name = names.get(i);
                if (!isString(name)) {
                    throw BadPayloadException.badRequest(
                            "dataframe_split.columns[" + i + "] must be a string, got " + kind(name));
                }
                columns.add(name.getAsString());
            }
        }
        int column = columns.indexOf(textColumn);
        if (column < 0) {
            throw BadPayloadException.badRequest(missingColumn("dataframe_split has no column", columns));
        }
        if (!split.has("data")) {
            throw BadPayloadException.badRequest("dataframe_split has no 'data' list of rows");
        }
        JsonArray data = array(split.get("data"), "dataframe_split.data");
        checkRowCount(data.size());
        JsonElement index = split.get("index");
        if (index != null && !(index.isJsonArray() && index.getAsJsonArray().size() == data.size())) {
            throw BadPayloadException.badRequest("dataframe_split.index must be a list as long as data ("
                    + data.size() + " rows), got " + kind(index));
        }
        List<String> texts = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            String where = "dataframe_split.data[" + i + "]";
            JsonElement row = data.get(i);
            JsonElement cell;
            if (row.isJsonArray()) {
                JsonArray cells = row.getAsJsonArray();
                if (cells.size() != columns.size()) {
                    throw BadPayloadException.badRequest(where + " has " + cells.size() + " values for "
                            + columns.size() + " columns");
                }
                cell = cells.get(column);
            } else if (columns.size() == 1) {
                cell = row; // one column: pandas reads a flat list as that column
            } else {
                throw BadPayloadException.badRequest(where + " must be a list of " + columns.size()
                        + " values, got " + kind(row));
            }
            texts.add(text(cell, where));
        }
        return texts;
    }

    private List<String> dataframeRecords(JsonElement value) throws BadPayloadException {
        JsonArray records = array(value, "dataframe_records");
        checkRowCount(records.size());
        List<String> texts = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            String where = "dataframe_records[" + i + "]";
            JsonObject record = object(records.get(i), where);
            JsonElement cell = record.get(textColumn);
            if (cell == null) {
                throw BadPayloadException.badRequest(missingColumn(where + " has no column", record.keySet()));
            }
            texts.add(text(cell, where));
        }
        return texts;
    }

    /** {@code instances} or {@code inputs}: a list of strings or of objects, or one object of columns. */
    private List<String> tensorInput(String key, JsonElement value) throws BadPayloadException {
        if (value.isJsonObject()) {
            JsonObject columns = value.getAsJsonObject();
            JsonElement column = columns.get(textColumn);
            if (column == null) {
                throw BadPayloadException.badRequest(missingField(key + " has no field", columns));
            }
            JsonArray items = array(column, key + "." + textColumn);
            checkRowCount(items.size());
            List<String> texts = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                texts.add(text(items.get(i), key + "." + textColumn + "[" + i + "]"));
            }
            return texts;
        }
        if (!value.isJsonArray()) {
            throw BadPayloadException.badRequest(key + " must be a list of texts, a list of objects with a '"
                    + textColumn + "' field, or an object {\"" + textColumn + "\": [...]}, got " + kind(value));
        }
        JsonArray items = value.getAsJsonArray();
        checkRowCount(items.size());
        List<String> texts = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String where = key + "[" + i + "]";
            JsonElement item = items.get(i);
            if (isString(item)) {
                texts.add(item.getAsString());
            } else if (item.isJsonObject()) {
                JsonElement cell = item.getAsJsonObject().get(textColumn);
                if (cell == null) {
                    throw BadPayloadException.badRequest(missingField(where + " has no field", item.getAsJsonObject()));
                }
                texts.add(text(cell, where));
            } else {
                throw BadPayloadException.badRequest(where + " must be a text or an object with a '" + textColumn
                        + "' field, got " + kind(item));
            }
        }
        return texts;
    }

    // ---- CSV ----

    private List<String> parseCsv(String text) throws BadPayloadException {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser csv = CSVParser.parse(content, CSV_WITH_HEADER)) {
            List<String> columns = csv.getHeaderNames();
            if (!columns.contains(textColumn)) {
                throw BadPayloadException.badRequest(missingColumn("the CSV header has no column", columns));
            }
            List<String> texts = new ArrayList<>();
            int row = 0;
            for (CSVRecord record : csv) {
                row++;
                checkRowCount(row);
                if (!record.isSet(textColumn)) {
                    throw BadPayloadException.badRequest("CSV row " + row + " (counting from 1 after the header) has "
                            + record.size() + " values and none for column '" + textColumn + "'");
                }
                texts.add(record.get(textColumn));
            }
            return texts;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw BadPayloadException.badRequest("malformed CSV: " + firstLine(e.getMessage()));
        }
    }

    // ---- helpers ----

    private void checkRowCount(int rows) throws BadPayloadException {
        if (rows > maxRows) {
            throw BadPayloadException.tooLarge("the request has more than " + maxRows
                    + " rows, the most this server scores in one request");
        }
    }

    private String text(JsonElement cell, String where) throws BadPayloadException {
        if (!isString(cell)) {
            throw BadPayloadException.badRequest(where + ": the '" + textColumn + "' value must be a string, got "
                    + kind(cell));
        }
        return cell.getAsString();
    }

    private String missingColumn(String prefix, Iterable<String> found) {
        return prefix + " '" + textColumn + "'; the texts must be in a column named '" + textColumn
                + "'; columns found: " + found;
    }

    private String missingField(String prefix, JsonObject object) {
        return prefix + " '" + textColumn + "'; the texts must be in a field named '" + textColumn
                + "'; fields found: " + object.keySet();
    }

    private static JsonObject object(JsonElement value, String where) throws BadPayloadException {
        if (!value.isJsonObject()) {
            throw BadPayloadException.badRequest(where + " must be an object, got " + kind(value));
        }
        return value.getAsJsonObject();
    }

    private static JsonArray array(JsonElement value, String where) throws BadPayloadException {
        if (!value.isJsonArray()) {
            throw BadPayloadException.badRequest(where + " must be a list, got " + kind(value));
        }
        return value.getAsJsonArray();
    }

    private static boolean isString(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    /** A JSON value's kind in a few words, for messages. */
    static String kind(JsonElement value) {
        if (value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonArray()) {
            return "a list";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isNumber()) {
            return "the number " + primitive.getAsString();
        }
        if (primitive.isBoolean()) {
            return "the boolean " + primitive.getAsString();
        }
        return "a string";
    }

    private static String utf8(byte[] body) throws BadPayloadException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw BadPayloadException.badRequest("the request body is not valid UTF-8");
        }
    }

    private static String location(JsonReader reader) {
        // JsonReader.toString() is "JsonReader at line L column C path P"
        String description = reader.toString();
        int at = description.indexOf(" at ");
        return at < 0 ? "" : description.substring(at + 1);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "cannot be read";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
