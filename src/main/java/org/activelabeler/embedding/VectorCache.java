package org.activelabeler.embedding;

import java.util.Collection;
import java.util.Map;

/**
 * Sentence vectors of one {@link VectorSpace}, keyed by {@link TextKey#of the SHA-256 of the text as
 * stored}, so that every dataset with the same text shares one vector. Implementations may be shared
 * by several processes at once; a vector once put stays.
 */
public interface VectorCache {

    /** The encoder set-up whose vectors this cache holds. */
    VectorSpace space();

    /** The vectors found for {@code keys}; keys without a vector are absent from the map. */
    Map<String, float[]> get(Collection<String> keys);

    /**
     * Stores vectors, durable when the call returns. Keys already held are skipped.
     *
     * @throws IllegalArgumentException when a vector's length is not {@link VectorSpace#dimensions()}
     */
    void put(Map<String, float[]> vectors);

    /** Whether a vector for {@code key} is held. */
    boolean contains(String key);
}
