package org.activelabeler.training.djl.bert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.activelabeler.dataset.ReviewText;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;

/**
 * Turns review texts into the encoder's input: its own tokenizer, then {@code [CLS] ... [SEP]}
 * within {@code maxTokens}. A longer review keeps its first {@code headTokens} and its end (head +
 * tail truncation), since reviewers often state their verdict last.
 */
final class EncoderTokens implements AutoCloseable {
    private final HuggingFaceTextTokenizer tokenizer;
    private final long classToken;
    private final long separatorToken;
    private final int maxTokens;
    private final int headTokens;

    /** Keeps the first quarter of the room between [CLS] and [SEP], and the end. */
    EncoderTokens(PretrainedEncoder.TokenizerSource source, int maxTokens) {
        this(source, maxTokens, (maxTokens - 2) / 4);
    }

    /** Keeps the first {@code headTokens} tokens of a long text and as many of its last as still fit. */
    EncoderTokens(PretrainedEncoder.TokenizerSource source, int maxTokens, int headTokens) {
        if (maxTokens < 3 || headTokens < 0 || headTokens > maxTokens - 2) {
            throw new IllegalArgumentException("Need at least 3 tokens and a head of 0.." + (maxTokens - 2)
                    + ", got " + maxTokens + " tokens and a head of " + headTokens);
        }
        try (InputStream in = source.open()) {
            this.tokenizer = HuggingFaceTextTokenizer.fromDefinition(in.readAllBytes(), "the encoder's tokenizer.json");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the encoder's tokenizer.json: " + e.getMessage(), e);
        }
        long[] special = tokenizer.specialTokenIds();
        if (special.length != 2) {
            throw new IllegalArgumentException("The encoder's tokenizer does not wrap a text in [CLS] ... [SEP];"
                    + " only BERT-style tokenizers are supported");
        }
        this.classToken = special[0];
        this.separatorToken = special[1];
        this.maxTokens = maxTokens;
        this.headTokens = headTokens;
    }

    /** The digest of the tokenizer definition. */
    String tokenizerDigest() {
        return tokenizer.digest();
    }

    long[][] encode(List<String> texts) {
        int[][] raw = tokenizer.encode(texts.stream().map(ReviewText::readable).toList());
        long[][] out = new long[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = wrap(Arrays.stream(raw[i]).asLongStream().toArray());
        }
        return out;
    }

    long[] wrap(long[] ids) {
        int room = maxTokens - 2;
        long[] kept;
        if (ids.length <= room) {
            kept = ids;
        } else {
            int head = headTokens;
            int tail = room - head;
            kept = new long[room];
            System.arraycopy(ids, 0, kept, 0, head);
            System.arraycopy(ids, ids.length - tail, kept, head, tail);
        }
        long[] wrapped = new long[kept.length + 2];
        wrapped[0] = classToken;
        System.arraycopy(kept, 0, wrapped, 1, kept.length);
        wrapped[wrapped.length - 1] = separatorToken;
        return wrapped;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
