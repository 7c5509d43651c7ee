package org.activelabeler.dataset;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.activelabeler.io.IoReasons;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads review files in the Kaggle IMDB layout: a header naming a {@code review} column and,
 * optionally, a {@code sentiment} column; RFC 4180 quoting; LF or CRLF; UTF-8 with or without a
 * BOM; plain or gzip-compressed. The whole file is validated before anything is returned.
 */
public final class CsvReviewReader {
    static final String REVIEW_COLUMN = "review";
    static final String SENTIMENT_COLUMN = "sentiment";
    /** The longest text a review may have; the store's text column holds no more. */
    public static final int MAX_TEXT_CHARS = 1_000_000;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    public SourceFile read(Path path) {
        MessageDigest digest = sha256();
        try (InputStream raw = open(path);
             DigestInputStream hashed = new DigestInputStream(raw, digest);
             EmptyLineTrackingReader reader = new EmptyLineTrackingReader(utf8Reader(hashed));
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            List<SourceRow> rows = readRecords(path, parser, reader);
            return new SourceFile(path, HexFormat.of().formatHex(digest.digest()), rows.get(0).gold() != null, rows);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(path, 0, "file not found; check the path");
        } catch (CharacterCodingException e) {
            throw new DatasetFormatException(path, 0, "not valid UTF-8 text; save the file as UTF-8 and import it again");
        } catch (IOException e) {
            throw new DatasetFormatException(path, 0, "cannot be read: " + IoReasons.of(e));
        }
    }

    /**
     * The parser skips empty lines, so a record starts on the first non-empty line after the
     * previous record; {@code lines} knows which lines were empty.
     */
    private List<SourceRow> readRecords(Path path, CSVParser parser, EmptyLineTrackingReader lines)
            throws IOException {
        var records = parser.iterator();
        if (!hasNext(path, records, lines, 0)) {
            throw new DatasetFormatException(path, 0, "the file is empty; expected a header line 'review,sentiment' or 'review'");
        }
        Columns columns = Columns.of(path, records.next(), lines.firstNonEmptyLine(1));
        List<SourceRow> rows = new ArrayList<>();
        long lineAfterPrevious = parser.getCurrentLineNumber();
        while (hasNext(path, records, lines, lineAfterPrevious)) {
            CSVRecord record = records.next();
            rows.add(columns.row(path, record, lines.firstNonEmptyLine(lineAfterPrevious + 1)));
            lineAfterPrevious = parser.getCurrentLineNumber();
        }
        if (rows.isEmpty()) {
            throw new DatasetFormatException(path, 0, "no reviews after the header line");
        }
        return rows;
    }

    private static boolean hasNext(Path path, java.util.Iterator<CSVRecord> records, EmptyLineTrackingReader lines,
                                   long lineAfterPrevious) throws IOException {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException coding) {
                throw coding;
            }
            if (e.getCause() instanceof EOFException || e.getCause() instanceof ZipException) {
                throw new DatasetFormatException(path, 0, "the compressed file is cut short or damaged ("
                        + e.getCause().getMessage() + "); copy or download it again");
            }
            throw new DatasetFormatException(path, lines.firstNonEmptyLine(lineAfterPrevious + 1),
                    "broken quoting in the record that starts here (" + e.getCause().getMessage()
                            + "); a quoted field must end with a quote, and quotes inside it must be doubled (\"\")");
        }
    }

    private static InputStream open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private static Reader utf8Reader(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new ByteOrderMarkSkippingReader(new InputStreamReader(in, decoder));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the review and sentiment columns are in this file. */
    private record Columns(int review, int sentiment, int width) {
        static Columns of(Path path, CSVRecord header, long line) {
            int review = -1;
            int sentiment = -1;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !seen.add(name)) {
                    throw new DatasetFormatException(path, line, "the header names the column '" + header.get(i).strip()
                            + "' twice; rename or remove one of them");
                }
                if (name.equals(REVIEW_COLUMN)) {
                    review = i;
                } else if (name.equals(SENTIMENT_COLUMN)) {
                    sentiment = i;
                }
            }
            if (review < 0) {
                throw new DatasetFormatException(path, line, "the header has no 'review' column (found: "
                        + String.join(",", header.toList()) + "); the first line must be 'review,sentiment' or 'review'");
            }
            return new Columns(review, sentiment, header.size());
        }

        SourceRow row(Path path, CSVRecord record, long line) {
            if (record.size() != width) {
                throw new DatasetFormatException(path, line, "expected " + width + " fields as in the header, found "
                        + record.size() + "; quote fields that contain commas");
            }
            String text = record.get(review);
            if (text.isBlank()) {
                throw new DatasetFormatException(path, line, "empty review; remove the line or fill in the text");
            }
            if (text.length() > MAX_TEXT_CHARS) {
                throw new DatasetFormatException(path, line, String.format(Locale.ROOT, "the review has %,d characters,"
                        + " more than the %,d a review may have; shorten or split it", text.length(), MAX_TEXT_CHARS));
            }
            if (sentiment < 0) {
                return new SourceRow(text, null, line);
            }
            String label = record.get(sentiment);
            Sentiment gold = Sentiment.parse(label).orElseThrow(() -> new DatasetFormatException(path, line,
                    "unknown sentiment '" + label + "'; use 'positive' or 'negative'"
                            + " (drop the sentiment column to import unlabeled text)"));
            return new SourceRow(text, gold, line);
        }
    }
}
