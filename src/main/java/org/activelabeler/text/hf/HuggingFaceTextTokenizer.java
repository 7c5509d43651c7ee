package org.activelabeler.text.hf;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.activelabeler.text.TextTokenizer;
import org.activelabeler.text.TokenSpans;

/**
 * A {@link TextTokenizer} over a HuggingFace {@code tokenizer.json}, run offline by DJL's
 * bindings to the Rust tokenizers library.
 */
public final class HuggingFaceTextTokenizer implements TextTokenizer {
    /** BERT uncased WordPiece (30,522 tokens), shipped inside the all-MiniLM-L6-v2 Maven artifact. */
    public static final String BUNDLED_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";
    public static final String BUNDLED_NAME = "bert-uncased-wordpiece";

    private static final Map<String, String> RAW_IDS = Map.of(
            "addSpecialTokens", "false", "truncation", "false", "padding", "false");

    private final HuggingFaceTokenizer tokenizer;
    private final String name;
    private final String digest;
    private final byte[] definition;

    private HuggingFaceTextTokenizer(byte[] definition, String name) throws IOException {
        this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(definition), RAW_IDS);
        this.name = name;
        this.digest = sha256(definition);
        this.definition = definition.clone();
    }

    /** The tokenizer that ships with the application. */
    public static HuggingFaceTextTokenizer bundled() {
        try (InputStream in = HuggingFaceTextTokenizer.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled tokenizer " + BUNDLED_RESOURCE
                        + " is missing from the class path; reinstall the application");
            }
            return new HuggingFaceTextTokenizer(in.readAllBytes(), BUNDLED_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tokenizer from the bytes of a {@code tokenizer.json}. */
    public static HuggingFaceTextTokenizer fromDefinition(byte[] definition, String name) {
        try {
            return new HuggingFaceTextTokenizer(definition, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokenizer " + name, e);
        }
    }

    /** A tokenizer read from a local {@code tokenizer.json}. */
    public static HuggingFaceTextTokenizer fromFile(Path tokenizerJson) {
        try {
            return new HuggingFaceTextTokenizer(Files.readAllBytes(tokenizerJson),
                    tokenizerJson.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokenizer " + tokenizerJson, e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String digest() {
        return digest;
    }

    @Override
    public byte[] definition() {
        return definition.clone();
    }

    /**
     * Encodes a batch, asking the native library for token ids only: building DJL's full
     * {@code Encoding} objects (tokens, offsets, masks) costs about half the time and is not needed.
     */
    @Override
    public int[][] encode(List<String> texts) {
        TokenizersLibrary lib = TokenizersLibrary.LIB;
        long[] encodings = lib.batchEncode(tokenizer.getHandle(), texts.toArray(String[]::new), false);
        int[][] ids = new int[encodings.length][];
        try {
            for (int i = 0; i < encodings.length; i++) {
                long[] tokenIds = lib.getTokenIds(encodings[i]);
                int[] row = new int[tokenIds.length];
                for (int j = 0; j < row.length; j++) {
                    row[j] = (int) tokenIds[j];
                }
                ids[i] = row;
            }
        } finally {
            for (long encoding : encodings) {
                lib.deleteEncoding(encoding);
            }
        }
        return ids;
    }

    /**
     * The native library counts offsets in Unicode code points; a text with characters outside the
     * Basic Multilingual Plane (emoji) has them moved to Java's UTF-16 indices here.
     */
    @Override
    public TokenSpans spans(String text) {
        ai.djl.huggingface.tokenizers.Encoding encoding = tokenizer.encode(text, false, false);
        long[] tokenIds = encoding.getIds();
        ai.djl.huggingface.tokenizers.jni.CharSpan[] spans = encoding.getCharTokenSpans();
        int[] ids = new int[tokenIds.length];
        int[] starts = new int[ids.length];
        int[] ends = new int[ids.length];
        boolean wide = text.codePointCount(0, text.length()) != text.length();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) tokenIds[i];
            int start = spans[i] == null ? 0 : spans[i].getStart();
            int end = spans[i] == null ? 0 : spans[i].getEnd();
            starts[i] = wide ? utf16Index(text, start) : Math.min(start, text.length());
            ends[i] = wide ? utf16Index(text, end) : Math.min(end, text.length());
        }
        return new TokenSpans(ids, starts, ends);
    }

    private static int utf16Index(String text, int codePoints) {
        int limit = text.codePointCount(0, text.length());
        return text.offsetByCodePoints(0, Math.min(codePoints, limit));
    }

    /** The ids the tokenizer adds around a text, for BERT {@code [CLS]} and {@code [SEP]}. */
    public long[] specialTokenIds() {
        return tokenizer.encode("", true, false).getIds();
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
