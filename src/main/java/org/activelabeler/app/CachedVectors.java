package org.activelabeler.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activelabeler.embedding.file.VectorCacheFolder;
import org.activelabeler.progress.Progress;
import org.activelabeler.round.VectorSource;

/** Vectors from the user's vector cache, the encoder opened for each request and closed after it. */
public final class CachedVectors implements VectorSource {
    private final String encoder;
    private final Path encoders;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    /**
     * @param encoder as {@code simulate --embedding-encoder} takes it (null for the default)
     * @param encoders where downloaded encoders are kept
     */
    public CachedVectors(String encoder, Path encoders) {
        this.encoder = encoder == null ? TextVectors.DEFAULT_ENCODER : encoder;
        this.encoders = encoders;
    }

    @Override
    public String name() {
        return encoder;
    }

    @Override
    public synchronized float[][] vectors(List<String> texts, Progress progress) {
        progress.update("Opening the encoder " + encoder, 0, 1);
        try (TextVectors vectors = TextVectors.open(encoder, encoders, VectorCacheFolder.resolve())) {
            float[][] result = vectors.of(texts, progress);
            parameters.putAll(vectors.parameters());
            return result;
        }
    }

    @Override
    public synchronized Map<String, String> parameters() {
        return Map.copyOf(parameters);
    }
}
