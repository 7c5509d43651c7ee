package org.activelabeler.embedding;

import java.util.List;
import org.activelabeler.progress.Progress;

/**
 * Turns texts into fixed-size sentence vectors with a pretrained encoder. Texts are given as stored
 * (raw review texts); the encoder applies {@link org.activelabeler.dataset.ReviewText#readable} before
 * tokenizing, as the rest of the application does. Not thread-safe: one caller at a time.
 */
public interface SentenceEncoder extends AutoCloseable {

    /** A short name for people and provenance, for example {@code BAAI/bge-small-en-v1.5}. */
    String name();

    /**
     * A hex digest of everything that decides the vectors: the encoder's weights and tokenizer, its
     * pooling, the token budget and the truncation rule. Two encoders with the same digest give the
     * same vectors (within floating-point noise of the device and engine), so stored vectors are
     * reused under it.
     */
    String digest();

    /** The length of each vector. */
    int dimensions();

    /** The most tokens of a text the encoder reads, its special tokens included. */
    int tokenBudget();

    /**
     * One vector per text, in the order of {@code texts}. Checks {@link Progress#checkCancelled()}
     * between batches and reports after each.
     *
     * @throws org.activelabeler.progress.CancelledException when cancelled; nothing is returned
     */
    float[][] embed(List<String> texts, Progress progress);

    /** The space its vectors live in: what a {@link VectorCache} is opened for. */
    default VectorSpace space() {
        return new VectorSpace(digest(), tokenBudget(), dimensions());
    }

    @Override
    void close();
}
