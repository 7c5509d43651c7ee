package org.activelabeler.features;

/**
 * Token ids to feature rows: counts n-grams, learns document frequencies and the latent semantic
 * projection from the corpus it is fitted on (no labels involved), and applies the same to any
 * other documents.
 */
public final class FeaturePipeline {
    private final FeatureSettings settings;
    private final NgramCounter counter;
    private final TfIdfWeighting weighting;
    private final LatentSemanticProjection latent;

    private FeaturePipeline(FeatureSettings settings, TfIdfWeighting weighting, LatentSemanticProjection latent) {
        this.settings = settings;
        this.counter = new NgramCounter(settings);
        this.weighting = weighting;
        this.latent = latent;
    }

    /** Fits on {@code corpus} and returns the pipeline together with the corpus's own rows. */
    public static Fitted fit(int[][] corpus, FeatureSettings settings) {
        FeatureMatrix counts = new NgramCounter(settings).count(corpus);
        TfIdfWeighting weighting = TfIdfWeighting.fit(counts, settings.minDocumentFrequency());
        FeatureMatrix sparse = weighting.transform(counts);
        int dimensions = LatentSemanticProjection.supportedDimensions(sparse, settings.latentDimensions(),
                FeatureSettings.LATENT_DOCUMENTS);
        if (dimensions == 0) {
            return new Fitted(new FeaturePipeline(settings, weighting, null), sparse);
        }
        LatentSemanticProjection latent = LatentSemanticProjection.fit(sparse, dimensions,
                FeatureSettings.LATENT_DOCUMENTS, FeatureSettings.LATENT_COLUMNS, FeatureSettings.LATENT_POWER_ITERATIONS, FeatureSettings.LATENT_SEED);
        FeaturePipeline pipeline = new FeaturePipeline(settings, weighting, latent);
        return new Fitted(pipeline, pipeline.withLatent(sparse));
    }

    public FeatureMatrix transform(int[][] documents) {
        FeatureMatrix sparse = weighting.transform(counter.count(documents));
        return latent == null ? sparse : withLatent(sparse);
    }

    public FeatureSettings settings() {
        return settings;
    }

    private FeatureMatrix withLatent(FeatureMatrix sparse) {
        return sparse.withDenseBlock(latent.transform(sparse), latent.dimensions(), settings.latentWeight());
    }

    /** A fitted pipeline and the rows of the corpus it was fitted on. */
    public record Fitted(FeaturePipeline pipeline, FeatureMatrix rows) {
    }
}
