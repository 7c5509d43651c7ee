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
        return fit(() -> corpus, settings);
    }

    /**
     * As {@link #fit(int[][], FeatureSettings)}, taking the token ids from {@code corpus} once and holding
     * them only while the TF-IDF rows are made: when nothing else refers to them, they can go before the
     * latent block is allocated (at a million texts, over a gigabyte of token ids beside a 0.8 GB block).
     */
    public static Fitted fit(java.util.function.Supplier<int[][]> corpus, FeatureSettings settings) {
        Sparse sparse = sparse(corpus.get(), settings);
        int dimensions = LatentSemanticProjection.supportedDimensions(sparse.rows(), settings.latentDimensions(),
                FeatureSettings.LATENT_DOCUMENTS);
        if (dimensions == 0) {
            return new Fitted(new FeaturePipeline(settings, sparse.weighting(), null), sparse.rows());
        }
        LatentSemanticProjection latent = LatentSemanticProjection.fit(sparse.rows(), dimensions,
                FeatureSettings.LATENT_DOCUMENTS, FeatureSettings.LATENT_COLUMNS, FeatureSettings.LATENT_POWER_ITERATIONS, FeatureSettings.LATENT_SEED);
        FeaturePipeline pipeline = new FeaturePipeline(settings, sparse.weighting(), latent);
        return new Fitted(pipeline, pipeline.withLatent(sparse.rows()));
    }

    private record Sparse(TfIdfWeighting weighting, FeatureMatrix rows) {
    }

    private static Sparse sparse(int[][] corpus, FeatureSettings settings) {
        NgramCounter counter = new NgramCounter(settings);
        TfIdfWeighting weighting = TfIdfWeighting.fit(counter, corpus, settings.minDocumentFrequency());
        return new Sparse(weighting, weighting.transform(counter, corpus));
    }

    public FeatureMatrix transform(int[][] documents) {
        FeatureMatrix sparse = weighting.transform(counter, documents);
        return latent == null ? sparse : withLatent(sparse);
    }

    /** Receives one n-gram occurrence of a document and its share of the document's TF-IDF value. */
    @FunctionalInterface
    public interface TermSink {
        void accept(int start, int length, int column, float value);
    }

    /**
     * Every n-gram occurrence of one document with its share of that column's TF-IDF value (the
     * value split evenly over the column's occurrences); columns the weighting drops are left out.
     * The shares of a column add up to its value in {@link #transform}'s row.
     */
    public void forEachTerm(int[] tokens, TermSink sink) {
        FeatureMatrix counts = counter.count(new int[][] {tokens});
        FeatureMatrix weighted = weighting.transform(counts);
        java.util.Map<Integer, Float> share = new java.util.HashMap<>();
        int c = 0;
        for (int p = weighted.rowStart(0); p < weighted.rowEnd(0); p++) {
            while (counts.column(c) != weighted.column(p)) {
                c++;
            }
            share.put(weighted.column(p), weighted.value(p) / counts.value(c));
        }
        counter.forEachNgram(tokens, (start, length, column) -> {
            Float value = share.get(column);
            if (value != null) {
                sink.accept(start, length, column, value);
            }
        });
    }

    /** What the fitted pipeline learned, to save it. */
    public State state() {
        return latent == null ? new State(settings, weighting.idf(), new int[0], new float[0], 0)
                : new State(settings, weighting.idf(), latent.keptColumns(), latent.basis(), latent.dimensions());
    }

    /** The pipeline that {@link #state()} was taken from. */
    public static FeaturePipeline restore(State state) {
        FeatureSettings settings = state.settings();
        if (state.idf().length != settings.sparseColumnCount()) {
            throw new IllegalArgumentException("The saved features have " + state.idf().length + " columns; their"
                    + " settings (" + settings.describe() + ") make " + settings.sparseColumnCount());
        }
        LatentSemanticProjection latent = state.latentDimensions() == 0 ? null : LatentSemanticProjection.of(
                state.idf().length, state.latentColumns(), state.latentBasis(), state.latentDimensions());
        return new FeaturePipeline(settings, TfIdfWeighting.of(state.idf()), latent);
    }

    public FeatureSettings settings() {
        return settings;
    }

    private FeatureMatrix withLatent(FeatureMatrix sparse) {
        return sparse.withOwnedDenseBlock(latent.transform(sparse), latent.dimensions(), settings.latentWeight());
    }

    /**
     * A fitted pipeline's learned values.
     *
     * @param idf one inverse document frequency per sparse column (0: dropped)
     * @param latentColumns the sparse columns of the latent basis's rows (empty without a latent block)
     * @param latentBasis row-major {@code [latentColumns.length x latentDimensions]}
     */
    public record State(FeatureSettings settings, float[] idf, int[] latentColumns, float[] latentBasis,
                        int latentDimensions) {
    }

    /** A fitted pipeline and the rows of the corpus it was fitted on. */
    public record Fitted(FeaturePipeline pipeline, FeatureMatrix rows) {
    }
}
