package org.activelabeler.embedding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activelabeler.progress.Progress;

/** Sentence vectors for many texts, each text embedded once and kept in a {@link VectorCache}. */
public final class Embeddings {
    /** Texts embedded between two writes to the cache: at most this much work is lost to a kill. */
    public static final int DEFAULT_CHUNK = 256;
    static final String TASK = "Embedding texts";

    private Embeddings() {
    }

    /** {@link #embedAll(List, SentenceEncoder, VectorCache, Progress, int)} in chunks of {@value #DEFAULT_CHUNK}. */
    public static float[][] embedAll(List<String> texts, SentenceEncoder encoder, VectorCache cache, Progress progress) {
        return embedAll(texts, encoder, cache, progress, DEFAULT_CHUNK);
    }

    /**
     * The vector of every text, in order. Only texts whose vector the cache lacks are embedded (each
     * distinct text once), a chunk at a time, and each chunk is put into the cache before the next
     * starts: a cancelled or killed run loses at most one chunk and the next call resumes from there.
     * Progress counts distinct texts, those found in the cache included. Fresh vectors are returned
     * rounded to half precision, as the cache keeps them, so a result never depends on whether it was
     * embedded now or before.
     *
     * @throws IllegalArgumentException when the cache holds another encoder's space
     * @throws org.activelabeler.progress.CancelledException when cancelled; the chunks done are kept
     */
    public static float[][] embedAll(List<String> texts, SentenceEncoder encoder, VectorCache cache, Progress progress,
                                     int chunk) {
        if (!cache.space().equals(encoder.space())) {
            throw new IllegalArgumentException("The vector cache holds " + cache.space() + ", not the vectors of "
                    + encoder.name() + " (" + encoder.space() + ")");
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("Chunk size must be positive, got " + chunk);
        }
        String[] keys = texts.stream().map(TextKey::of).toArray(String[]::new);
        Map<String, String> distinct = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            distinct.putIfAbsent(keys[i], texts.get(i));
        }
        Map<String, float[]> vectors = new HashMap<>(cache.get(distinct.keySet()));
        List<String> missing = new ArrayList<>();
        for (String key : distinct.keySet()) {
            if (!vectors.containsKey(key)) {
                missing.add(key);
            }
        }
        int total = distinct.size();
        int done = total - missing.size();
        progress.update(TASK, done, total);
        for (int from = 0; from < missing.size(); from += chunk) {
            progress.checkCancelled();
            List<String> chunkKeys = missing.subList(from, Math.min(missing.size(), from + chunk));
            float[][] embedded = encoder.embed(chunkKeys.stream().map(distinct::get).toList(),
                    offset(progress, done, total));
            Map<String, float[]> fresh = new LinkedHashMap<>();
            for (int i = 0; i < embedded.length; i++) {
                fresh.put(chunkKeys.get(i), embedded[i]);
            }
            cache.put(fresh);
            fresh.replaceAll((key, vector) -> Float16.round(vector));
            vectors.putAll(fresh);
            done += chunkKeys.size();
            progress.update(TASK, done, total);
        }
        float[][] out = new float[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            out[i] = vectors.get(keys[i]);
        }
        return out;
    }

    /** The encoder's progress within a chunk, as progress over all texts. */
    private static Progress offset(Progress progress, int before, int total) {
        return new Progress() {
            @Override
            public void update(String task, long done, long of) {
                progress.update(TASK, before + done, total);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
    }
}
