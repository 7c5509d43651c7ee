package org.activelabeler.round;

import java.util.LinkedHashMap;
import java.util.Map;
import org.activelabeler.dataset.Corpus;
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
 */
public record PreparedFeatures(FeatureMatrix rows, Map<String, String> parameters) {

    /** Learns the features from a dataset's text (no labels). */
    public static PreparedFeatures fit(Corpus corpus, String tokenizerName, Progress progress) {
        progress.update("Learning features of " + corpus.size() + " texts", 0, 1);
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(corpus.tokenIds(), FeatureSettings.DEFAULT);
        progress.checkCancelled();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("tokenizer", tokenizerName);
        parameters.put("features", fitted.pipeline().settings().describe());
        return new PreparedFeatures(fitted.rows(), Map.copyOf(parameters));
    }
}
