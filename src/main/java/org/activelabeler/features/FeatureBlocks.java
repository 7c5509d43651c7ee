package org.activelabeler.features;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which blocks make the fast model's features: {@code tfidf} (hashed n-grams), {@code lsa} (their
 * latent semantic projection, which needs tfidf) and {@code embeddings} (a pretrained encoder's
 * sentence vectors, unit length, times {@link #EMBEDDING_WEIGHT}).
 */
public record FeatureBlocks(boolean tfidf, boolean lsa, boolean embeddings) {
    public static final String TFIDF = "tfidf";
    public static final String LSA = "lsa";
    public static final String EMBEDDINGS = "embeddings";
    public static final List<String> NAMES = List.of(TFIDF, LSA, EMBEDDINGS);
    /** Every block: what the fast model uses unless told otherwise. */
    public static final FeatureBlocks ALL = new FeatureBlocks(true, true, true);
    /** The text's own features, without a pretrained encoder: the first version's model. */
    public static final FeatureBlocks TEXT = new FeatureBlocks(true, true, false);
    public static final FeatureBlocks EMBEDDINGS_ONLY = new FeatureBlocks(false, false, true);
    /**
     * The embedding block's scale beside unit-length TF-IDF rows: its L2 penalty is 1/weight² of theirs.
     * Chosen on the pools' own carved-out holdouts (docs/benchmarks.md), never on a holdout file.
     */
    public static final float EMBEDDING_WEIGHT = 4f;
    /**
     * The other scale the choice inside the labels tries beside {@link #EMBEDDING_WEIGHT} (all blocks): on
     * IMDB's carved-out holdout it did better (93.9% against 92.9% at 1,020 labels), on AG News's worse.
     */
    public static final float LOW_EMBEDDING_WEIGHT = 1f;

    public FeatureBlocks {
        if (lsa && !tfidf) {
            throw new IllegalArgumentException("--features: lsa is a projection of tfidf; name tfidf too");
        }
        if (!tfidf && !embeddings) {
            throw new IllegalArgumentException("--features needs tfidf or embeddings (or both)");
        }
    }

    /** {@code tfidf,lsa,embeddings} or any part of it, in any order. */
    public static FeatureBlocks parse(String names) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : names.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("embed") || name.equals("embedding")) {
                name = EMBEDDINGS;
            }
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("--features: unknown block '" + part.strip() + "'; use "
                        + String.join(", ", NAMES) + " (comma-separated)");
            }
            chosen.add(name);
        }
        return new FeatureBlocks(chosen.contains(TFIDF), chosen.contains(LSA), chosen.contains(EMBEDDINGS));
    }

    /** The text blocks' settings: {@code base}, without the latent block unless lsa is chosen. */
    public FeatureSettings textSettings(FeatureSettings base) {
        return lsa ? base : base.sparseOnly();
    }

    /** The same blocks without the embeddings, or null when nothing would be left. */
    public FeatureBlocks withoutEmbeddings() {
        return tfidf ? new FeatureBlocks(true, lsa, false) : null;
    }

    @Override
    public String toString() {
        List<String> names = new java.util.ArrayList<>();
        if (tfidf) {
            names.add(TFIDF);
        }
        if (lsa) {
            names.add(LSA);
        }
        if (embeddings) {
            names.add(EMBEDDINGS);
        }
        return String.join(",", names);
    }
}
