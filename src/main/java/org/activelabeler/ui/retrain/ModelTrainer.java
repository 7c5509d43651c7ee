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
import org.activelabeler.labeling.RoundRecord;
import org.activelabeler.model.Classifier;
import org.activelabeler.progress.Progress;
import org.activelabeler.simulation.EntropyStatistics;
import org.activelabeler.simulation.RoundResult;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.tracking.StagedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model side of one opened dataset: features fitted once, then retrains on demand. Every
 * method runs on the one background thread of the {@code TaskExecutor}: the classifier is not
 * thread-safe.
 */
public final class ModelTrainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);
    private final Corpus corpus;
    private final LabelStore store;
    private final ClassifierFactory factory;
    private final String tokenizerName;
    private final int queueLength;
    private final long seed;
    private final RoundTracking tracking;
    private Retrainer retrainer;
    private Classifier classifier;
    private volatile PreparedFeatures features;

    public ModelTrainer(Corpus corpus, LabelStore store, ClassifierFactory factory, String tokenizerName,
                        int queueLength, long seed) {
        this(corpus, store, factory, tokenizerName, queueLength, seed, RoundTracking.NONE);
    }

    /** @param tracking where each retrain is logged */
    public ModelTrainer(Corpus corpus, LabelStore store, ClassifierFactory factory, String tokenizerName,
                        int queueLength, long seed, RoundTracking tracking) {
        this.tracking = tracking;
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
        features = new PreparedFeatures(fitted.rows(), Map.copyOf(parameters));
        progress.update("Features ready", 1, 1);
    }

    public boolean prepared() {
        return retrainer != null;
    }

    /**
     * The feature rows of every review and how they were made, for a second fast model on another
     * thread (the rows are never changed); null until {@link #prepare} is done.
     */
    public PreparedFeatures features() {
        return features;
    }

    public String modelName() {
        return classifier == null ? "" : classifier.description().name();
    }

    /** Fits on every current label, scores the rest, stores the queue and the round. */
    public RoundOutcome retrain(String strategy, Progress progress) {
        return retrain(strategy, 0, progress);
    }

    /**
     * Fits on every current label, scores the rest, stores the queue and the round, and hands the
     * round to the tracking; a tracking failure is logged and does not fail the retrain.
     *
     * @param batchSize labels per round, for the tracked params (0 when unknown)
     */
    public RoundOutcome retrain(String strategy, int batchSize, Progress progress) {
        prepare(progress);
        Retrainer.Result result = retrainer.retrain(classifier, strategy, seed, progress);
        Map<Long, Sentiment> labels = result.labels();
        Holdout holdout = holdout(result.positiveProbability(), labels);
        RunRef run = track(result, labels, holdout, strategy, batchSize);
        return new RoundOutcome(result.round(), result.queue(), result.positiveProbability(),
                holdout.metrics == null ? Double.NaN : holdout.metrics.accuracy(), holdout.size, run);
    }

    private RunRef track(Retrainer.Result result, Map<Long, Sentiment> labels, Holdout holdout, String strategy,
                         int batchSize) {
        try {
            double[] entropy = EntropyStatistics.meanAndMax(result.positiveProbability(), result.unlabeledRows());
            RoundRecord round = result.round();
            RoundResult measured = new RoundResult(store.rounds(corpus.dataset().id()).size(), round.labels(),
                    holdout.metrics == null ? Double.NaN : holdout.metrics.accuracy(),
                    holdout.metrics == null ? Double.NaN : holdout.metrics.macroF1(), round.trainMillis(),
                    round.scoreMillis(), entropy[0], entropy[1], result.training(), holdout.confusion);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("strategy", strategy);
            if (batchSize > 0) {
                params.put("batch_size", Integer.toString(batchSize));
            }
            params.put("tokenizer", tokenizerName);
            String snapshot = StagedFiles.labelSnapshot("row", result.labeledRows(), result.classes());
            return tracking.trained(classifier, measured, snapshot, params);
        } catch (RuntimeException e) {
            LOG.warn("The retrain on {} labels is not tracked: {}", labels.size(), e.toString(), e);
            return null;
        }
    }

    /** Holdout: the reviews with a file label and no annotator label. */
    private Holdout holdout(float[] positive, Map<Long, Sentiment> labels) {
        int size = holdoutSize(labels);
        if (size == 0) {
            return new Holdout(0, null, null);
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
        return new Holdout(size, BinaryMetrics.of(predicted, gold), BinaryMetrics.confusion(predicted, gold));
    }

    private record Holdout(int size, BinaryMetrics metrics, int[][] confusion) {
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
