package org.activelabeler.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activelabeler.embedding.Embeddings;
import org.activelabeler.embedding.SentenceEncoder;
import org.activelabeler.embedding.file.SegmentVectorCache;
import org.activelabeler.embedding.file.VectorCacheFolder;
import org.activelabeler.progress.Progress;
import org.activelabeler.training.djl.bert.DownloadListener;
import org.activelabeler.training.djl.bert.EncoderCatalog;
import org.activelabeler.training.djl.bert.PretrainedEncoder;
import org.activelabeler.training.djl.bert.SentenceEncoders;

/**
 * Sentence vectors for texts from the user's vector cache, embedding only those it lacks; the one
 * implementation behind {@code embed}, {@code simulate} and the window's background embedding.
 */
public final class TextVectors implements AutoCloseable {
    /** The encoder the fast model's embeddings come from unless another is named. */
    public static final String DEFAULT_ENCODER = PretrainedEncoder.BGE_SMALL_NAME;

    private final SentenceEncoder encoder;
    private final SegmentVectorCache cache;

    private TextVectors(SentenceEncoder encoder, SegmentVectorCache cache) {
        this.encoder = encoder;
        this.cache = cache;
    }

    /**
     * @param spec an encoder as {@link EncoderCatalog#resolve} takes it (null for {@value #DEFAULT_ENCODER})
     * @param encoders where downloaded encoders are kept
     * @param cacheRoot the vector cache's folder (see {@link VectorCacheFolder#resolve()})
     */
    public static TextVectors open(String spec, Path encoders, Path cacheRoot) {
        PretrainedEncoder definition = EncoderCatalog.resolve(spec == null ? DEFAULT_ENCODER : spec, encoders,
                DownloadListener.NONE);
        SentenceEncoder encoder = SentenceEncoders.open(definition);
        try {
            return new TextVectors(encoder, SegmentVectorCache.open(cacheRoot, encoder.space()));
        } catch (RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    /** {@link #open(String, Path, Path)} with a workspace's encoder folder and the user's vector cache. */
    public static TextVectors open(Workspace workspace, String spec) {
        return open(spec, workspace.folder().resolve("encoders"), VectorCacheFolder.resolve());
    }

    /**
     * The vector of every text, in order; those the cache lacks are embedded now, a chunk at a time
     * (a cancel or a kill keeps the chunks done).
     */
    public float[][] of(List<String> texts, Progress progress) {
        return Embeddings.embedAll(texts, encoder, cache, progress);
    }

    /** How many of the texts have no vector yet. */
    public int missing(List<String> texts) {
        return (int) texts.stream().map(org.activelabeler.embedding.TextKey::of).distinct()
                .filter(key -> !cache.contains(key)).count();
    }

    public String encoderName() {
        return encoder.name();
    }

    public String encoderDigest() {
        return encoder.digest();
    }

    public int tokenBudget() {
        return encoder.tokenBudget();
    }

    /** What a model trained on these vectors records of them: encoder, digest, token budget. */
    public Map<String, String> parameters() {
        return Map.of("embedding_encoder", encoderName(), "embedding_digest", encoderDigest(),
                "embedding_tokens", Integer.toString(tokenBudget()));
    }

    public Path cacheFolder() {
        return cache.folder();
    }

    @Override
    public void close() {
        try {
            cache.close();
        } finally {
            encoder.close();
        }
    }
}
