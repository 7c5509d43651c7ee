package org.activelabeler.features;

/**
 * Token ids to TF-IDF rows: counts n-grams, learns document frequencies from the corpus it is fitted
 * on (no labels involved), and applies the same weighting to any other documents.
 */
public final class FeaturePipeline {
    private final FeatureSettings settings;
    private final NgramCounter counter;
    private final TfIdfWeighting weighting;

    private FeaturePipeline(FeatureSettings settings, TfIdfWeighting weighting) {
        this.settings = settings;
        this.counter = new NgramCounter(settings);
        this.weighting = weighting;
    }

    /** Fits on {@code corpus} and returns the pipeline together with the corpus's own rows. */
    public static Fitted fit(int[][] corpus, FeatureSettings settings) {
        FeatureMatrix counts = new NgramCounter(settings).count(corpus);
        TfIdfWeighting weighting = TfIdfWeighting.fit(counts, settings.minDocumentFrequency());
        return new Fitted(new FeaturePipeline(settings, weighting), weighting.transform(counts));
    }

    public FeatureMatrix transform(int[][] documents) {
        return weighting.transform(counter.count(documents));
    }

    public FeatureSettings settings() {
        return settings;
    }

    /** A fitted pipeline and the rows of the corpus it was fitted on. */
    public record Fitted(FeaturePipeline pipeline, FeatureMatrix rows) {
    }
}
