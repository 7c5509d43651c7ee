package org.activelabeler.features;

/**
 * How token ids become features. Sparse part: token n-grams up to {@code maxNgram} tokens, n-grams
 * of two or more tokens hashed into {@code 2^hashBits} buckets, TF-IDF with sublinear term
 * frequency, columns seen in fewer than {@code minDocumentFrequency} documents dropped, rows
 * L2-normalised. Dense part (when {@code latentDimensions > 0}): the document's latent semantic
 * projection, unit length, times {@code latentWeight}, appended after the sparse columns.
 */
public record FeatureSettings(int maxNgram, int hashBits, int minDocumentFrequency, int latentDimensions,
                              float latentWeight) {
    /** Unigram ids below this get a column of their own; larger ids are hashed into this range. */
    public static final int UNIGRAM_COLUMNS = 1 << 17;
    /** Only this many of the most frequent sparse columns take part in the latent projection. */
    public static final int LATENT_COLUMNS = 1 << 16;
    /** The latent basis is learned from this many documents drawn at random. */
    public static final int LATENT_DOCUMENTS = 10_000;
    public static final int LATENT_POWER_ITERATIONS = 2;
    public static final long LATENT_SEED = 20_111;

    public static final FeatureSettings DEFAULT = new FeatureSettings(2, 20, 2, 200, 0.5f);

    public FeatureSettings {
        if (maxNgram < 1 || maxNgram > 4) {
            throw new IllegalArgumentException("maxNgram must be 1..4, was " + maxNgram);
        }
        if (hashBits < 10 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits must be 10..24, was " + hashBits);
        }
        if (minDocumentFrequency < 1) {
            throw new IllegalArgumentException("minDocumentFrequency must be at least 1");
        }
        if (latentDimensions < 0 || latentWeight < 0) {
            throw new IllegalArgumentException("latentDimensions and latentWeight must not be negative");
        }
    }

    /** The same settings without the dense latent block. */
    public FeatureSettings sparseOnly() {
        return new FeatureSettings(maxNgram, hashBits, minDocumentFrequency, 0, 0f);
    }

    public int sparseColumnCount() {
        return UNIGRAM_COLUMNS + (maxNgram > 1 ? 1 << hashBits : 0);
    }

    /** A short form recorded as a model parameter. */
    public String describe() {
        return "ngrams=1-" + maxNgram + ",hash_bits=" + hashBits + ",min_df=" + minDocumentFrequency
                + ",tf=sublinear,idf=smooth,norm=l2"
                + (latentDimensions > 0 ? ",lsa=" + latentDimensions + "x" + latentWeight : "");
    }
}
