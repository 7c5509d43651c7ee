package org.activelabeler.features;

/**
 * How token ids become sparse features: token n-grams up to {@code maxNgram} words, n-grams of two
 * or more tokens hashed into {@code 2^hashBits} buckets, TF-IDF with sublinear term frequency,
 * columns seen in fewer than {@code minDocumentFrequency} documents dropped, rows L2-normalised.
 */
public record FeatureSettings(int maxNgram, int hashBits, int minDocumentFrequency) {
    /** Unigram ids below this get a column of their own; larger ids are hashed into this range. */
    public static final int UNIGRAM_COLUMNS = 1 << 17;

    public static final FeatureSettings DEFAULT = new FeatureSettings(2, 20, 2);

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
    }

    public int columnCount() {
        return UNIGRAM_COLUMNS + (maxNgram > 1 ? 1 << hashBits : 0);
    }

    /** A short form recorded as a model parameter. */
    public String describe() {
        return "ngrams=1-" + maxNgram + ",hash_bits=" + hashBits + ",min_df=" + minDocumentFrequency
                + ",tf=sublinear,idf=smooth,norm=l2";
    }
}
