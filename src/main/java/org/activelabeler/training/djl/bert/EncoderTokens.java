package org.activelabeler.training.djl.bert;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.activelabeler.dataset.ReviewText;

/**
 * Turns review texts into the encoder's input: its own tokenizer, then {@code [CLS] ... [SEP]}
 * within {@code maxTokens}. A longer review keeps its first quarter and its end (head + tail
 * truncation), since reviewers often state their verdict last.
 */
final class EncoderTokens implements AutoCloseable {
    private static final Map<String, String> RAW_IDS = Map.of(
            "addSpecialTokens", "false", "truncation", "false", "padding", "false");

    private final HuggingFaceTokenizer tokenizer;
    private final long classToken;
    private final long separatorToken;
    private final int maxTokens;

    EncoderTokens(PretrainedEncoder.TokenizerSource source, int maxTokens) {
        try (InputStream in = source.open()) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(in, RAW_IDS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the encoder's tokenizer.json: " + e.getMessage(), e);
        }
        long[] special = tokenizer.encode("", true, false).getIds();
        if (special.length != 2) {
            throw new IllegalArgumentException("The encoder's tokenizer does not wrap a text in [CLS] ... [SEP];"
                    + " only BERT-style tokenizers are supported");
        }
        this.classToken = special[0];
        this.separatorToken = special[1];
        this.maxTokens = maxTokens;
    }

    long[][] encode(List<String> texts) {
        long[][] out = new long[texts.size()][];
        int chunk = 512;
        for (int from = 0; from < texts.size(); from += chunk) {
            List<String> part = texts.subList(from, Math.min(texts.size(), from + chunk)).stream()
                    .map(ReviewText::readable).toList();
            Encoding[] encodings = tokenizer.batchEncode(part, false, false);
            for (int i = 0; i < encodings.length; i++) {
                out[from + i] = wrap(encodings[i].getIds());
            }
        }
        return out;
    }

    long[] wrap(long[] ids) {
        int room = maxTokens - 2;
        long[] kept;
        if (ids.length <= room) {
            kept = ids;
        } else {
            int head = room / 4;
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
