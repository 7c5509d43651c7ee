package org.activelabeler.round;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.features.FeatureBlocks;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.features.FeatureSettings;
import org.activelabeler.progress.Progress;
import org.activelabeler.features.FeatureMatrix;

/**
 * The fast model's inputs, fitted once per opened dataset: read-only, so other threads may train
 * their own fast model on them.
 *
 * @param rows one feature row per review, in corpus order
 * @param parameters what {@link ClassifierFactory#create} is given
 * @param vectors each text's sentence vector when the rows hold the embeddings block, else null
 * @param textRows the rows of the text's features alone (the same as {@code rows} without vectors)
 * @param pipeline what turns other texts' token ids into text rows like these
 */
public record PreparedFeatures(FeatureMatrix rows, Map<String, String> parameters, float[][] vectors,
                               FeatureMatrix textRows, FeaturePipeline pipeline) {

    /** Learns the features from a dataset's text (no labels). */
    public static PreparedFeatures fit(Corpus corpus, String tokenizerName, Progress progress) {
        return fit(corpus, tokenizerName, null, Map.of(), progress);
    }

    /**
     * The text's features, and with {@code vectors} the embeddings block after them.
     *
     * @param vectors each text's sentence vector in corpus order, or null for the text's features alone
     * @param embedding what to record about the vectors (encoder, digest)
     */
    public static PreparedFeatures fit(Corpus corpus, String tokenizerName, float[][] vectors,
                                       Map<String, String> embedding, Progress progress) {
        return fit(corpus.size(), corpus::tokenIds, tokenizerName, vectors, embedding, progress);
    }

    /**
     * As {@link #fit(Corpus, String, float[][], Map, Progress)}, with the token ids of the {@code texts} texts
     * read once from {@code tokenIds} and let go once the TF-IDF rows are made (see {@link FeaturePipeline}).
     */
    public static PreparedFeatures fit(int texts, Supplier<int[][]> tokenIds, String tokenizerName, float[][] vectors,
                                       Map<String, String> embedding, Progress progress) {
        progress.update("Learning features of " + texts + " texts", 0, 1);
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(tokenIds, FeatureSettings.DEFAULT);
        progress.checkCancelled();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("tokenizer", tokenizerName);
        parameters.put("features", fitted.pipeline().settings().describe());
        FeatureMatrix rows = fitted.rows();
        FeatureMatrix textRows = rows;
        if (vectors != null) {
            rows = rows.withDenseRows(vectors, FeatureBlocks.EMBEDDING_WEIGHT);
            parameters.put("feature_blocks", FeatureBlocks.ALL.toString());
            parameters.put("embedding_weight", Float.toString(FeatureBlocks.EMBEDDING_WEIGHT));
            parameters.putAll(embedding);
        } else {
            parameters.put("feature_blocks", FeatureBlocks.TEXT.toString());
        }
        return new PreparedFeatures(rows, Map.copyOf(parameters), vectors, textRows, fitted.pipeline());
    }

    /** Whether the rows hold the embeddings block. */
    public boolean embedded() {
        return vectors != null;
    }
}
