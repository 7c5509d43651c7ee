package org.activelabeler.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReviewReaderTest {
    @TempDir
    Path dir;

    private final CsvReviewReader reader = new CsvReviewReader();

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private ObjectAssert<DatasetFormatException> failure(Path file, long line) {
        return assertThatThrownBy(() -> reader.read(file))
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

        SourceFile source = reader.read(file);

        assertThat(source.labeled()).isTrue();
        assertThat(source.rows()).containsExactly(
                new SourceRow("He said \"wow\", twice, and left", Sentiment.POSITIVE, 2),
                new SourceRow("plain text without quotes", Sentiment.NEGATIVE, 3));
    }

    @Test
    void keepsNewlinesInsideQuotedFieldsAndCountsTheirLines() throws IOException {
        Path file = write("multiline.csv", "review,sentiment\n"
                + "\"first\nsecond\nthird\",positive\n"
                + "\"next\",negative\n");

        SourceFile source = reader.read(file);

        assertThat(source.rows()).containsExactly(
                new SourceRow("first\nsecond\nthird", Sentiment.POSITIVE, 2),
                new SourceRow("next", Sentiment.NEGATIVE, 5));
    }

    @Test
    void reportsTheRealLineOfABadRecordAfterMultilineFields() throws IOException {
        Path file = write("late-error.csv", "review,sentiment\n"
                + "\"one\ntwo\",positive\n"
                + "\"three\nfour\nfive\",negative\n"
                + "fine,positive\n"
                + "broken,meh\n");

        failure(file, 8).extracting(Throwable::getMessage).asString().contains(":8:").contains("'meh'");
    }

    @Test
    void skipsBlankLinesWithoutShiftingLineNumbers() throws IOException {
        Path good = write("blank-lines.csv", "review,sentiment\n\nfirst,positive\n\n\nsecond,negative\n\n");
        assertThat(reader.read(good).rows()).containsExactly(
                new SourceRow("first", Sentiment.POSITIVE, 3),
                new SourceRow("second", Sentiment.NEGATIVE, 6));

        failure(write("blank-then-bad.csv", "review,sentiment\nok,positive\n\nbad,meh\n"), 4);
        failure(write("blank-then-quote.csv", "review,sentiment\r\nok,positive\r\n\r\n\r\n\"open,negative\r\n"), 5);
        failure(write("blank-then-header.csv", "\n\ntext,sentiment\nok,positive\n"), 3);
    }

    @Test
    void readsCrlfLineEndings() throws IOException {
        Path file = write("crlf.csv", "review,sentiment\r\n"
                + "\"a\r\nb\",positive\r\n"
                + "c,negative\r\n"
                + "d,unsure\r\n");

        failure(file, 5);
        Path good = write("crlf-good.csv", "review,sentiment\r\n\"a\r\nb\",positive\r\nc,negative\r\n");
        assertThat(reader.read(good).rows()).containsExactly(
                new SourceRow("a\r\nb", Sentiment.POSITIVE, 2),
                new SourceRow("c", Sentiment.NEGATIVE, 4));
    }

    @Test
    void skipsUtf8ByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "review,sentiment\ncaf\u00e9 au lait,positive\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);

        SourceFile source = reader.read(write("bom.csv", content));

        assertThat(source.rows()).containsExactly(new SourceRow("caf\u00e9 au lait", Sentiment.POSITIVE, 2));
    }

    @Test
    void readsGzipAndIdentifiesItByItsDecompressedContent() throws IOException {
        String csv = "review,sentiment\ngood one,positive\nbad one,negative\n";
        Path gz = dir.resolve("reviews.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }

        SourceFile zipped = reader.read(gz);
        SourceFile plain = reader.read(write("reviews.csv", csv));

        assertThat(zipped.rows()).isEqualTo(plain.rows()).hasSize(2);
        assertThat(zipped.sha256()).isEqualTo(plain.sha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void reviewOnlyHeaderGivesUnlabeledRows() throws IOException {
        SourceFile source = reader.read(write("unlabeled.csv", "review\nfirst text\n\"second, text\"\n"));

        assertThat(source.labeled()).isFalse();
        assertThat(source.rows()).containsExactly(
                new SourceRow("first text", null, 2),
                new SourceRow("second, text", null, 3));
    }

    @Test
    void acceptsColumnsInAnyOrderAndCase() throws IOException {
        SourceFile source = reader.read(write("swapped.csv", "Sentiment, REVIEW \nNEG,dull\nPositive,fun\n"));

        assertThat(source.rows()).containsExactly(
                new SourceRow("dull", Sentiment.NEGATIVE, 2),
                new SourceRow("fun", Sentiment.POSITIVE, 3));
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        failure(write("empty.csv", new byte[0]), 0).extracting(Throwable::getMessage).asString().contains("empty");
    }

    @Test
    void rejectsAHeaderWithoutReviews() throws IOException {
        failure(write("header-only.csv", "review,sentiment\n"), 0)
                .extracting(Throwable::getMessage).asString().contains("no reviews");
    }

    @Test
    void rejectsAnUnknownLabelNamingLineAndValue() throws IOException {
        Path file = write("labels.csv", "review,sentiment\nok,positive\nhmm,neutral\n");

        failure(file, 3).extracting(Throwable::getMessage).asString()
                .contains(file + ":3:")
                .contains("'neutral'");
    }

    @Test
    void rejectsAHeaderWithoutReviewColumn() throws IOException {
        failure(write("no-review.csv", "text,sentiment\nok,positive\n"), 1)
                .extracting(Throwable::getMessage).asString().contains("'review'").contains("text,sentiment");
    }

    @Test
    void rejectsARecordWithTheWrongFieldCount() throws IOException {
        failure(write("fields.csv", "review,sentiment\nok,positive\nnot, quoted,negative\n"), 3)
                .extracting(Throwable::getMessage).asString().contains("expected 2 fields").contains("found 3");
    }

    @Test
    void rejectsAnEmptyReview() throws IOException {
        failure(write("blank.csv", "review,sentiment\nok,positive\n\"  \",negative\n"), 3)
                .extracting(Throwable::getMessage).asString().contains("empty review");
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
