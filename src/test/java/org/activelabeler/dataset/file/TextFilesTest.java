package org.activelabeler.dataset.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.activelabeler.dataset.ColumnChoice;
import org.activelabeler.dataset.DatasetFormatException;
import org.activelabeler.dataset.SourceFile;
import org.activelabeler.dataset.SourceRow;
import org.activelabeler.dataset.TextFormat;
import org.activelabeler.dataset.TextReader;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {
    @TempDir
    Path dir;

    private final TextFiles files = new TextFiles();

    private SourceFile read(Path file) {
        return files.read(file, ColumnChoice.FIND);
    }

    private static SourceRow row(String text, String label, long line) {
        return new SourceRow(text, label, null, line);
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private ObjectAssert<DatasetFormatException> failure(Path file, long line) {
        return assertThatThrownBy(() -> read(file))
                .asInstanceOf(type(DatasetFormatException.class))
                .satisfies(e -> {
                    assertThat(e.line()).as("reported line").isEqualTo(line);
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.getMessage()).contains(file.toString());
                });
    }

    @Test
    void readsQuotedFieldsWithDoubledQuotesAndCommas() throws IOException {
        Path file = write("quotes.csv", "review,sentiment\n"
                + "\"He said \"\"wow\"\", twice, and left\",positive\n"
                + "plain text without quotes,negative\n");

        SourceFile source = read(file);

        assertThat(source.labeled()).isTrue();
        assertThat(source.rows()).containsExactly(
                row("He said \"wow\", twice, and left", "positive", 2),
                row("plain text without quotes", "negative", 3));
    }

    @Test
    void keepsNewlinesInsideQuotedFieldsAndCountsTheirLines() throws IOException {
        Path file = write("multiline.csv", "review,sentiment\n"
                + "\"first\nsecond\nthird\",positive\n"
                + "\"next\",negative\n");

        SourceFile source = read(file);

        assertThat(source.rows()).containsExactly(
                row("first\nsecond\nthird", "positive", 2),
                row("next", "negative", 5));
    }

    @Test
    void reportsTheRealLineOfABadRecordAfterMultilineFields() throws IOException {
        Path file = write("late-error.csv", "review,sentiment\n"
                + "\"one\ntwo\",positive\n"
                + "\"three\nfour\nfive\",negative\n"
                + "fine,positive\n"
                + "broken,meh,more\n");

        failure(file, 8).extracting(Throwable::getMessage).asString().contains(":8:").contains("found 3");
    }

    @Test
    void skipsBlankLinesWithoutShiftingLineNumbers() throws IOException {
        Path good = write("blank-lines.csv", "review,sentiment\n\nfirst,positive\n\n\nsecond,negative\n\n");
        assertThat(read(good).rows()).containsExactly(
                row("first", "positive", 3),
                row("second", "negative", 6));

        failure(write("blank-then-bad.csv", "review,sentiment\nok,positive\n\nbad,meh,more\n"), 4);
        failure(write("blank-then-quote.csv", "review,sentiment\r\nok,positive\r\n\r\n\r\n\"open,negative\r\n"), 5);
        failure(write("blank-then-header.csv", "\n\nbody,sentiment\nok,positive\n"), 3);
    }

    @Test
    void readsCrlfLineEndings() throws IOException {
        Path file = write("crlf.csv", "review,sentiment\r\n"
                + "\"a\r\nb\",positive\r\n"
                + "c,negative\r\n"
                + "d,unsure,more\r\n");

        failure(file, 5);
        Path good = write("crlf-good.csv", "review,sentiment\r\n\"a\r\nb\",positive\r\nc,negative\r\n");
        assertThat(read(good).rows()).containsExactly(
                row("a\r\nb", "positive", 2),
                row("c", "negative", 4));
    }

    @Test
    void skipsUtf8ByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "review,sentiment\ncaf\u00e9 au lait,positive\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);

        SourceFile source = read(write("bom.csv", content));

        assertThat(source.rows()).containsExactly(row("caf\u00e9 au lait", "positive", 2));
    }

    @Test
    void readsGzipAndIdentifiesItByItsDecompressedContent() throws IOException {
        String csv = "review,sentiment\ngood one,positive\nbad one,negative\n";
        Path gz = dir.resolve("reviews.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }

        SourceFile zipped = read(gz);
        SourceFile plain = read(write("reviews.csv", csv));

        assertThat(zipped.rows()).isEqualTo(plain.rows()).hasSize(2);
        assertThat(zipped.sha256()).isEqualTo(plain.sha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void reviewOnlyHeaderGivesUnlabeledRows() throws IOException {
        SourceFile source = read(write("unlabeled.csv", "review\nfirst text\n\"second, text\"\n"));

        assertThat(source.labeled()).isFalse();
        assertThat(source.rows()).containsExactly(
                row("first text", null, 2),
                row("second, text", null, 3));
    }

    @Test
    void acceptsColumnsInAnyOrderAndCase() throws IOException {
        SourceFile source = read(write("swapped.csv", "Sentiment, REVIEW \nNEG,dull\nPositive,fun\n"));

        assertThat(source.rows()).containsExactly(
                row("dull", "NEG", 2),
                row("fun", "Positive", 3));
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        failure(write("empty.csv", new byte[0]), 0).extracting(Throwable::getMessage).asString().contains("empty");
    }

    @Test
    void rejectsAHeaderWithoutReviews() throws IOException {
        failure(write("header-only.csv", "review,sentiment\n"), 0)
                .extracting(Throwable::getMessage).asString().contains("no rows");
    }

    @Test
    void rejectsAHeaderWithoutATextColumnAndNamesWhatItFound() throws IOException {
        failure(write("no-text.csv", "body,sentiment\nok,positive\n"), 1)
                .extracting(Throwable::getMessage).asString().contains("no text column").contains("body, sentiment")
                .contains("--text-column");
    }

    @Test
    void findsTheCommonColumnNamesOrTakesTheOnesNamed() throws IOException {
        Path file = write("agnews.csv", "id,title,text,label\n7,T1,first story,Sports\n8,T2,second story,World\n");
        SourceFile found = read(file);
        assertThat(found.columns().text()).isEqualTo("text");
        assertThat(found.columns().label()).isEqualTo("label");
        assertThat(found.rows()).containsExactly(new SourceRow("first story", "Sports", "7", 2),
                new SourceRow("second story", "World", "8", 3));

        SourceFile chosen = files.read(file, new ColumnChoice("title", "", null));
        assertThat(chosen.labeled()).isFalse();
        assertThat(chosen.rows()).extracting(SourceRow::text).containsExactly("T1", "T2");
        assertThat(chosen.rows()).extracting(SourceRow::label).containsOnlyNulls();

        assertThatThrownBy(() -> files.read(file, new ColumnChoice("body", null, null)))
                .hasMessageContaining("there is no column 'body'").hasMessageContaining("id, title, text, label");
    }

    @Test
    void readsTabSeparatedFilesByNameOrByContent() throws IOException {
        String tsv = "sentence\tlabel\nfunny, and warm\tpositive\n\"dull\"\tnegative\n";
        SourceFile named = read(write("rt.tsv", tsv));
        SourceFile sniffed = read(write("rt.txt", tsv));
        assertThat(named.format()).isEqualTo(TextFormat.TSV);
        assertThat(sniffed.format()).isEqualTo(TextFormat.TSV);
        assertThat(named.rows()).containsExactly(row("funny, and warm", "positive", 2), row("dull", "negative", 3));
        assertThat(sniffed.rows()).isEqualTo(named.rows());
    }

    @Test
    void readsJsonLinesWithStringsNumbersAndMissingLabels() throws IOException {
        Path file = write("news.jsonl", "{\"id\": 1, \"text\": \"Stocks fall\", \"label\": \"Business\"}\n\n"
                + "{\"id\": 2, \"text\": \"Cup final\", \"label\": 3}\n"
                + "{\"id\": \"c\", \"text\": \"Unlabeled\", \"label\": null}\n");
        SourceFile source = read(file);
        assertThat(source.format()).isEqualTo(TextFormat.JSONL);
        assertThat(source.rows()).containsExactly(new SourceRow("Stocks fall", "Business", "1", 1),
                new SourceRow("Cup final", "3", "2", 3), new SourceRow("Unlabeled", null, "c", 4));
        assertThat(read(write("news.data", Files.readString(file))).format()).as("told by content")
                .isEqualTo(TextFormat.JSONL);
    }

    @Test
    void badJsonLinesNameTheLine() throws IOException {
        failure(write("broken.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"no end\n"), 2)
                .extracting(Throwable::getMessage).asString().contains("not valid JSON");
        failure(write("array.jsonl", "{\"text\": \"ok\"}\n[1, 2]\n"), 2)
                .extracting(Throwable::getMessage).asString().contains("not a JSON object");
        failure(write("missing.jsonl", "{\"text\": \"ok\"}\n{\"body\": \"where\"}\n"), 2)
                .extracting(Throwable::getMessage).asString().contains("no 'text' field");
        failure(write("nested.jsonl", "{\"text\": {\"a\": 1}}\n"), 1)
                .extracting(Throwable::getMessage).asString().contains("must be a string or a number");
    }

    @Test
    void previewsTheColumnsAndTheFirstRows() throws IOException {
        TextReader.Preview csv = files.preview(write("p.csv", "text,label\na,x\nb,y\nc,z\n"), 2);
        assertThat(csv.columns()).containsExactly("text", "label");
        assertThat(csv.rows()).containsExactly(java.util.List.of("a", "x"), java.util.List.of("b", "y"));
        TextReader.Preview jsonl = files.preview(write("p.jsonl", "{\"text\": \"a\"}\n{\"text\": \"b\", \"label\": 1}\n"), 5);
        assertThat(jsonl.columns()).containsExactly("text", "label");
        assertThat(jsonl.rows()).containsExactly(java.util.List.of("a", ""), java.util.List.of("b", "1"));
    }

    @Test
    void rejectsARecordWithTheWrongFieldCount() throws IOException {
        failure(write("fields.csv", "review,sentiment\nok,positive\nnot, quoted,negative\n"), 3)
                .extracting(Throwable::getMessage).asString().contains("expected 2 fields").contains("found 3");
    }

    @Test
    void rejectsAnEmptyReview() throws IOException {
        failure(write("blank.csv", "review,sentiment\nok,positive\n\"  \",negative\n"), 3)
                .extracting(Throwable::getMessage).asString().contains("empty text");
    }

    @Test
    void rejectsAnUnterminatedQuoteAtTheLineWhereTheRecordStarts() throws IOException {
        failure(write("quote.csv", "review,sentiment\nok,positive\n\"never closed,negative\nmore,positive\n"), 3)
                .extracting(Throwable::getMessage).asString().contains("quot");
    }

    @Test
    void rejectsInvalidUtf8() throws IOException {
        byte[] head = "review,sentiment\nok,positive\nbad ".getBytes(StandardCharsets.UTF_8);
        byte[] tail = " bytes,negative\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte) 0xC3;
        content[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, content, head.length + 2, tail.length);

        failure(write("latin.csv", content), 0).extracting(Throwable::getMessage).asString().contains("UTF-8");
    }

    @Test
    void reportsAMissingFile() {
        failure(dir.resolve("missing.csv"), 0).extracting(Throwable::getMessage).asString().contains("not found");
    }
}
