package org.activelabeler.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScoringPayloadTest {

    private static final List<String> TEXTS = List.of("a good film", "dull", "good \"fun\"");

    private final PayloadParser parser = new PayloadParser("text", 5);

    private List<String> json(String body) throws BadPayloadException {
        return parser.parse(PayloadParser.Format.JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> csv(String body) throws BadPayloadException {
        return parser.parse(PayloadParser.Format.CSV, body.getBytes(StandardCharsets.UTF_8));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> jsonFails(String body, int status) {
        return assertThatThrownBy(() -> json(body))
                .isInstanceOfSatisfying(BadPayloadException.class, e -> assertThat(e.status()).isEqualTo(status));
    }

    // ---- the JSON forms ----

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"dataframe_split\": {\"columns\": [\"text\"], \"data\": [[\"a good film\"], [\"dull\"], [\"good \\\"fun\\\"\"]]}}",
            "{\"dataframe_split\": {\"index\": [7, 8, 9], \"columns\": [\"id\", \"text\"],"
                    + " \"data\": [[1, \"a good film\"], [2, \"dull\"], [3, \"good \\\"fun\\\"\"]]}}",
            "{\"dataframe_split\": {\"columns\": [\"text\"], \"data\": [\"a good film\", \"dull\", \"good \\\"fun\\\"\"]}}",
            "{\"dataframe_records\": [{\"text\": \"a good film\"}, {\"id\": 2, \"text\": \"dull\"},"
                    + " {\"text\": \"good \\\"fun\\\"\"}]}",
            "{\"instances\": [\"a good film\", \"dull\", \"good \\\"fun\\\"\"]}",
            "{\"instances\": [{\"text\": \"a good film\"}, {\"text\": \"dull\"}, {\"text\": \"good \\\"fun\\\"\"}]}",
            "{\"instances\": {\"text\": [\"a good film\", \"dull\", \"good \\\"fun\\\"\"]}}",
            "{\"inputs\": [\"a good film\", \"dull\", \"good \\\"fun\\\"\"]}",
            "{\"inputs\": [{\"text\": \"a good film\"}, {\"text\": \"dull\"}, {\"text\": \"good \\\"fun\\\"\"}]}",
            "{\"inputs\": {\"text\": [\"a good film\", \"dull\", \"good \\\"fun\\\"\"], \"other\": [1]}}",
            "{\"params\": {\"temperature\": 0.5}, \"inputs\": [\"a good film\", \"dull\", \"good \\\"fun\\\"\"]}",
    })
    void everyJsonFormGivesTheTextsInOrder(String body) throws BadPayloadException {
        assertThat(json(body)).containsExactlyElementsOf(TEXTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"dataframe_split\": {\"columns\": [\"text\"], \"data\": []}}",
            "{\"dataframe_records\": []}",
            "{\"instances\": []}",
            "{\"inputs\": []}",
            "{\"inputs\": {\"text\": []}}",
    })
    void anEmptyInputIsNoTexts(String body) throws BadPayloadException {
        assertThat(json(body)).isEmpty();
    }

    @Test
    void theTextColumnCanBeNamedOtherwise() throws BadPayloadException {
        PayloadParser reviews = new PayloadParser("review", 5);
        List<String> texts = reviews.parse(PayloadParser.Format.JSON,
                "{\"dataframe_records\": [{\"review\": \"fine\"}, {\"review\": \"poor\"}]}".getBytes(StandardCharsets.UTF_8));
        assertThat(texts).containsExactly("fine", "poor");
        assertThatThrownBy(() -> reviews.parse(PayloadParser.Format.JSON,
                "{\"inputs\": [{\"text\": \"fine\"}]}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("'review'");
    }

    @Test
    void unicodeTextsArriveIntact() throws BadPayloadException {
        assertThat(json("{\"inputs\": [\"très bien \\u2713\", \"日本語\"]}")).containsExactly("très bien ✓", "日本語");
    }

    // ---- JSON errors ----

    @Test
    void malformedJsonSaysWhere() {
        jsonFails("{\"inputs\": [\"a\", }", 400)
                .hasMessageStartingWith("malformed JSON: ")
                .hasMessageContaining("line 1 column")
                .hasMessageNotContaining("Troubleshooting");
        jsonFails("{\"inputs\": [\"a\"", 400).hasMessageContaining("malformed JSON");
        jsonFails("{\"inputs\": [\"a\"]} {}", 400).hasMessageContaining("more data after the end");
        jsonFails("{'inputs': ['a']}", 400)
                .hasMessage("malformed JSON: invalid syntax at line 1 column 3 path $.");
        jsonFails("{\"inputs\": [\"a\"] /* comment */}", 400).hasMessageContaining("malformed JSON");
        jsonFails("", 400).hasMessageContaining("empty");
    }

    @Test
    void theBodyMustBeAnObjectWithExactlyOneFormatKey() {
        jsonFails("[\"a\"]", 400).hasMessageContaining("must be an object").hasMessageContaining("a list");
        jsonFails("{\"data\": [\"a\"]}", 400)
                .hasMessageContaining("exactly one of the keys [dataframe_split, dataframe_records, instances, inputs]")
                .hasMessageContaining("[data]");
        jsonFails("{\"params\": {}}", 400).hasMessageContaining("exactly one");
        jsonFails("{\"inputs\": [\"a\"], \"instances\": [\"b\"]}", 400)
                .hasMessageContaining("exactly one")
                .hasMessageContaining("[inputs, instances]");
    }

    @Test
    void aMissingTextColumnNamesTheColumnsFound() {
        jsonFails("{\"dataframe_split\": {\"columns\": [\"review\", \"id\"], \"data\": [[\"a\", 1]]}}", 400)
                .hasMessageContaining("no column 'text'")
                .hasMessageContaining("named 'text'")
                .hasMessageContaining("[review, id]");
        // one column is not taken for the texts unless it carries the configured name
        jsonFails("{\"dataframe_split\": {\"columns\": [\"review\"], \"data\": [[\"a\"]]}}", 400)
                .hasMessageContaining("[review]");
        jsonFails("{\"dataframe_records\": [{\"text\": \"a\"}, {\"review\": \"b\"}]}", 400)
                .hasMessageContaining("dataframe_records[1] has no column 'text'")
                .hasMessageContaining("[review]");
        jsonFails("{\"instances\": {\"review\": [\"a\"]}}", 400)
                .hasMessageContaining("instances has no field 'text'")
                .hasMessageContaining("[review]");
        jsonFails("{\"inputs\": [\"a\", {\"review\": \"b\"}]}", 400)
                .hasMessageContaining("inputs[1] has no field 'text'");
    }

    @Test
    void aNonStringTextNamesTheRow() {
        jsonFails("{\"dataframe_split\": {\"columns\": [\"text\"], \"data\": [[\"a\"], [5]]}}", 400)
                .hasMessageContaining("dataframe_split.data[1]")
                .hasMessageContaining("must be a string")
                .hasMessageContaining("the number 5");
        jsonFails("{\"dataframe_records\": [{\"text\": null}]}", 400)
                .hasMessageContaining("dataframe_records[0]").hasMessageContaining("null");
        jsonFails("{\"instances\": [\"a\", \"b\", true]}", 400)
                .hasMessageContaining("instances[2]").hasMessageContaining("the boolean true");
        jsonFails("{\"inputs\": {\"text\": [\"a\", [\"b\"]]}}", 400)
                .hasMessageContaining("inputs.text[1]").hasMessageContaining("a list");
        jsonFails("{\"inputs\": [{\"text\": {\"x\": 1}}]}", 400)
                .hasMessageContaining("inputs[0]").hasMessageContaining("an object");
    }

    @Test
    void malformedShapesAreNamed() {
        jsonFails("{\"dataframe_split\": [[\"a\"]]}", 400).hasMessageContaining("dataframe_split must be an object");
        jsonFails("{\"dataframe_split\": {\"columns\": [\"text\"]}}", 400).hasMessageContaining("'data'");
        jsonFails("{\"dataframe_split\": {\"columns\": [\"text\", \"id\"], \"data\": [[\"a\"]]}}", 400)
                .hasMessageContaining("dataframe_split.data[0] has 1 values for 2 columns");
        jsonFails("{\"dataframe_split\": {\"columns\": [\"text\"], \"index\": [1, 2], \"data\": [[\"a\"]]}}", 400)
                .hasMessageContaining("index");
        jsonFails("{\"dataframe_records\": {\"text\": \"a\"}}", 400).hasMessageContaining("must be a list");
        jsonFails("{\"dataframe_records\": [\"a\"]}", 400).hasMessageContaining("dataframe_records[0] must be an object");
        jsonFails("{\"inputs\": \"a\"}", 400).hasMessageContaining("inputs must be a list");
    }

    @Test
    void moreRowsThanTheLimitAre413() throws BadPayloadException {
        assertThat(json("{\"inputs\": [\"1\", \"2\", \"3\", \"4\", \"5\"]}")).hasSize(5);
        jsonFails("{\"inputs\": [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\"]}", 413).hasMessageContaining("more than 5 rows");
        jsonFails("{\"dataframe_split\": {\"columns\": [\"text\"], \"data\": [[\"1\"], [\"2\"], [\"3\"], [\"4\"],"
                + " [\"5\"], [\"6\"]]}}", 413);
        assertThatThrownBy(() -> csv("text\n1\n2\n3\n4\n5\n6\n"))
                .isInstanceOfSatisfying(BadPayloadException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = {'{', '"', 'i', 'n', 'p', 'u', 't', 's', '"', ':', '[', '"', (byte) 0xC3, (byte) 0x28, '"', ']', '}'};
        assertThatThrownBy(() -> parser.parse(PayloadParser.Format.JSON, body)).hasMessageContaining("not valid UTF-8");
    }

    // ---- CSV ----

    @Test
    void csvReadsTheTextColumnWithQuotedNewlinesAndCommas() throws BadPayloadException {
        String body = "id,text,source\r\n"
                + "1,\"a good film,\nreally\",web\r\n"
                + "2,dull,web\r\n"
                + "3,\"say \"\"good\"\"\",\r\n";
        assertThat(csv(body)).containsExactly("a good film,\nreally", "dull", "say \"good\"");
        assertThat(csv("\uFEFFtext\nplain\n")).containsExactly("plain");
        assertThat(csv("text\n")).isEmpty();
    }

    @Test
    void csvErrorsAre400() {
        assertThatThrownBy(() -> csv("review,id\na,1\n"))
                .hasMessageContaining("CSV header has no column 'text'").hasMessageContaining("[review, id]");
        assertThatThrownBy(() -> csv("id,text\n1,a\n2\n")).hasMessageContaining("CSV row 2");
        assertThatThrownBy(() -> csv("text\n\"unterminated\n")).hasMessageContaining("malformed CSV");
        assertThatThrownBy(() -> csv("")).hasMessageContaining("no column 'text'");
    }

    // ---- content types ----

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=\"UTF-8\"",
            "application/json; charset=UTF8"})
    void jsonContentTypes(String contentType) throws BadPayloadException {
        assertThat(PayloadParser.format(contentType)).isEqualTo(PayloadParser.Format.JSON);
    }

    @Test
    void csvContentType() throws BadPayloadException {
        assertThat(PayloadParser.format("text/csv; charset=utf-8")).isEqualTo(PayloadParser.Format.CSV);
    }

    @Test
    void otherContentTypesAre415() {
        for (String contentType : new String[] {null, "", "text/plain", "application/xml", "application/jsonx",
                "application/json; charset=latin-1", "text/csv; header=present"}) {
            assertThatThrownBy(() -> PayloadParser.format(contentType))
                    .as(String.valueOf(contentType))
                    .isInstanceOfSatisfying(BadPayloadException.class, e -> assertThat(e.status()).isEqualTo(415));
        }
    }
}
