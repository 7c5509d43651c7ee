package org.activelabeler.dataset.file;

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
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.activelabeler.dataset.ColumnChoice;
import org.activelabeler.dataset.DatasetFormatException;
import org.activelabeler.dataset.SourceFile;
import org.activelabeler.dataset.TextFormat;
import org.activelabeler.dataset.TextReader;
import org.activelabeler.io.IoReasons;

/**
 * The {@link TextReader} for files on disk: plain or gzip-compressed (told by the content), UTF-8
 * with or without a BOM, then CSV, TSV or JSON Lines ({@link TextFormat#detect}). The digest is of
 * the decompressed content, so that the same texts gzipped or not are the same dataset.
 */
public final class TextFiles implements TextReader {
    private static final int HEAD = 8192;

    @Override
    public SourceFile read(Path file, ColumnChoice columns) {
        MessageDigest digest = sha256();
        return withContent(file, digest, (format, reader) -> {
            Rows.Parsed parsed = rows(format).read(file, reader, columns, Integer.MAX_VALUE);
            return new SourceFile(file, HexFormat.of().formatHex(digest.digest()), format, parsed.columns(),
                    parsed.rows());
        });
    }

    @Override
    public Preview preview(Path file, int rows) {
        return withContent(file, sha256(), (format, reader) -> rows(format).preview(file, reader, rows, format));
    }

    private static Rows rows(TextFormat format) {
        return format == TextFormat.JSONL ? new JsonLinesRows() : new DelimitedRows(format);
    }

    @FunctionalInterface
    private interface ContentWork<T> {
        T apply(TextFormat format, Reader reader) throws IOException;
    }

    private static <T> T withContent(Path file, MessageDigest digest, ContentWork<T> work) {
        try (InputStream raw = open(file);
             BufferedInputStream content = new BufferedInputStream(new DigestInputStream(raw, digest), 1 << 16)) {
            content.mark(HEAD);
            byte[] head = content.readNBytes(HEAD);
            content.reset();
            return work.apply(TextFormat.detect(file, head), utf8(content));
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(file, 0, "file not found; check the path");
        } catch (CharacterCodingException e) {
            throw notUtf8(file);
        } catch (EOFException | ZipException e) {
            throw cutShort(file, e);
        } catch (UncheckedIOException e) {
            throw translate(file, e.getCause());
        } catch (IOException e) {
            throw new DatasetFormatException(file, 0, "cannot be read: " + IoReasons.of(e));
        }
    }

    /** What a parser's wrapped I/O failure means for the person: bad text, a cut-short file, or a reason. */
    static DatasetFormatException translate(Path file, IOException cause) {
        if (cause instanceof CharacterCodingException) {
            return notUtf8(file);
        }
        if (cause instanceof EOFException || cause instanceof ZipException) {
            return cutShort(file, cause);
        }
        return new DatasetFormatException(file, 0, "cannot be read: " + IoReasons.of(cause));
    }

    private static DatasetFormatException notUtf8(Path file) {
        return new DatasetFormatException(file, 0, "not valid UTF-8 text; save the file as UTF-8 and import it again");
    }

    private static DatasetFormatException cutShort(Path file, IOException e) {
        return new DatasetFormatException(file, 0, "the compressed file is cut short or damaged (" + e.getMessage()
                + "); copy or download it again");
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

    private static Reader utf8(InputStream in) {
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
}
