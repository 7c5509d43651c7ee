package org.activelabeler.cli;

import java.util.List;
import java.util.Map;
import org.activelabeler.app.TextVectors;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.features.FeatureBlocks;
import org.activelabeler.features.FeatureSettings;
import org.activelabeler.simulation.ExperimentData;
import picocli.CommandLine.Option;

/** The fast model's feature blocks and the encoder of its embeddings. */
final class FeatureOptions {
    /** For experiments on a pool's own held-out share: the embedding block's scale. */
    static final String EMBEDDING_WEIGHT_PROPERTY = "activelabeler.embedding.weight";

    @Option(names = "--features", paramLabel = "BLOCKS", defaultValue = "tfidf,lsa,embeddings",
            description = "The fast model's features, comma-separated: tfidf, lsa, embeddings (default:"
                    + " ${DEFAULT-VALUE}; tfidf,lsa for the model without a pretrained encoder).")
    String features;

    @Option(names = "--embedding-encoder", paramLabel = "NAME|FOLDER",
            description = "The encoder of the embeddings block: bge-small-en-v1.5 (default; ships with the app),"
                    + " all-MiniLM-L6-v2, a Hugging Face id or a local folder. Vectors are kept in the vector cache"
                    + " ($ACTIVE_LABELER_VECTORS) and reused.")
    String encoder;

    FeatureBlocks blocks() {
        return FeatureBlocks.parse(features);
    }

    String encoderOrDefault() {
        return encoder == null ? TextVectors.DEFAULT_ENCODER : encoder;
    }

    /**
     * The pool and holdout as feature rows; with embeddings, their vectors from the cache (embedded
     * now when missing, with progress).
     *
     * @param embedding receives what to record about the vectors (encoder, digest, tokens, weight)
     */
    ExperimentData experiment(Workspace workspace, Corpus pool, Corpus test, Map<String, String> embedding,
                              TerminalProgress progress, long seed) {
        FeatureBlocks blocks = blocks();
        if (!blocks.embeddings()) {
            return ExperimentData.of(pool, test, FeatureSettings.DEFAULT, blocks, null, null, 0f, seed);
        }
        List<String> poolTexts = workspace.datasets().reviewTexts(pool.dataset().id(), progress);
        List<String> testTexts = test == null ? null : workspace.datasets().reviewTexts(test.dataset().id(), progress);
        try (TextVectors vectors = TextVectors.open(workspace, encoderOrDefault())) {
            int missing = vectors.missing(poolTexts) + (testTexts == null ? 0 : vectors.missing(testTexts));
            progress.println("Embeddings: " + vectors.encoderName() + ", " + vectors.tokenBudget() + " tokens; "
                    + (missing == 0 ? "every text's vector is in the cache"
                    : missing + " texts to embed, kept in " + vectors.cacheFolder() + " for the next run"));
            float[][] poolVectors = vectors.of(poolTexts, progress);
            float[][] testVectors = testTexts == null ? null : vectors.of(testTexts, progress);
            embedding.put("embedding_encoder", vectors.encoderName());
            embedding.put("embedding_digest", vectors.encoderDigest());
            embedding.put("embedding_tokens", Integer.toString(vectors.tokenBudget()));
            float weight = Float.parseFloat(System.getProperty(EMBEDDING_WEIGHT_PROPERTY,
                    Float.toString(FeatureBlocks.EMBEDDING_WEIGHT)));
            embedding.put("embedding_weight", Float.toString(weight));
            return ExperimentData.of(pool, test, FeatureSettings.DEFAULT, blocks, poolVectors, testVectors, weight,
                    seed);
        }
    }
}
