package org.activelabeler.ui.retrain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.Sentiment;
import org.activelabeler.evaluation.BinaryMetrics;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.features.FeatureSettings;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.labeling.Retrainer;
import org.activelabeler.model.Classifier;
import org.activelabeler.progress.Progress;

/**
 * The model side of one opened dataset: features fitted once, then retrains on demand. Every
 * method runs on the one background thread of the {@code TaskExecutor}: the classifier is not
 * thread-safe.
 */
public final class ModelTrainer implements AutoCloseable {
    private final Corpus corpus;
    private final LabelStore store;
    private final ClassifierFactory factory;
    private final String tokenizerName;
    private final int queueLength;
    private final long seed;
    private Retrainer retrainer;
    private Classifier classifier;

    public ModelTrainer(Corpus corpus, LabelStore store, ClassifierFactory factory, String tokenizerName,
                        int queueLength, long seed) {
        this.corpus = corpus;
        this.store = store;
        this.factory = factory;
        this.tokenizerName = tokenizerName;
        this.queueLength = queueLength;
        this.seed = seed;
    }

    /** Learns the features from the dataset's text (no labels); the first retrain needs it. */
    public void prepare(Progress progress) {
        if (retrainer != null) {
            return;
        }
        progress.update("Learning features of " + corpus.size() + " reviews", 0, 1);
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(corpus.tokenIds(), FeatureSettings.DEFAULT);
        progress.checkCancelled();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("tokenizer", tokenizerName);
        parameters.put("features", fitted.pipeline().settings().describe());
        progress.update("Starting the model engine", 0, 1);
        classifier = factory.create(parameters);
        retrainer = new Retrainer(corpus, fitted.rows(), store, queueLength);
        progress.update("Features ready", 1, 1);
    }

    public boolean prepared() {
        return retrainer != null;
    }

    public String modelName() {
        return classifier == null ? "" : classifier.description().name();
    }

    /** Fits on every current label, scores the rest, stores the queue and the round. */
    public RoundOutcome retrain(String strategy, Progress progress) {
        prepare(progress);
        Retrainer.Result result = retrainer.retrain(classifier, strategy, seed, progress);
        Map<Long, Sentiment> labels = store.currentLabels(corpus.dataset().id());
        return new RoundOutcome(result.round(), result.queue(), result.positiveProbability(),
                holdoutAccuracy(result.positiveProbability(), labels), holdoutSize(labels));
    }

    private double holdoutAccuracy(float[] positive, Map<Long, Sentiment> labels) {
        int size = holdoutSize(labels);
        if (size == 0) {
            return Double.NaN;
        }
        float[] predicted = new float[size];
        int[] gold = new int[size];
        int k = 0;
        for (int i = 0; i < corpus.size(); i++) {
            if (corpus.gold()[i] >= 0 && !labels.containsKey(corpus.reviewIds()[i])) {
                predicted[k] = positive[i];
                gold[k++] = corpus.gold()[i];
            }
        }
        return BinaryMetrics.of(predicted, gold).accuracy();
    }

    private int holdoutSize(Map<Long, Sentiment> labels) {
        int size = 0;
        for (int i = 0; i < corpus.size(); i++) {
            if (corpus.gold()[i] >= 0 && !labels.containsKey(corpus.reviewIds()[i])) {
                size++;
            }
        }
        return size;
    }

    @Override
    public void close() {
        if (classifier != null) {
            classifier.close();
            classifier = null;
        }
    }
}
