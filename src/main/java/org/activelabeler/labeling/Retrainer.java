package org.activelabeler.labeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.Sentiment;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.progress.Progress;
import org.activelabeler.strategy.BatchSelector;
import org.activelabeler.strategy.QueryStrategies;
import org.activelabeler.strategy.RankedCandidate;

/**
 * One retrain of the human labeling loop: fit on every current label, score the unlabeled reviews,
 * and store the new ranked queue and the round.
 */
public final class Retrainer {
    private final Corpus corpus;
    private final FeatureMatrix rows;
    private final LabelStore store;
    private final int queueLength;

    public Retrainer(Corpus corpus, FeatureMatrix rows, LabelStore store, int queueLength) {
        if (rows.rowCount() != corpus.size()) {
            throw new IllegalArgumentException("Need one feature row per review");
        }
        this.corpus = corpus;
        this.rows = rows;
        this.store = store;
        this.queueLength = queueLength;
    }

    public Result retrain(Classifier classifier, String strategy, long seed, Progress progress) {
        Map<Long, Sentiment> labels = store.currentLabels(corpus.dataset().id());
        if (labels.values().stream().distinct().count() < 2) {
            throw new IllegalStateException("Label at least one positive and one negative review before retraining");
        }
        int[] labeledRows = new int[labels.size()];
        int[] classes = new int[labels.size()];
        List<Integer> unlabeled = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < corpus.size(); i++) {
            Sentiment label = labels.get(corpus.reviewIds()[i]);
            if (label == null) {
                unlabeled.add(i);
            } else {
                labeledRows[k] = i;
                classes[k++] = label.index();
            }
        }
        TrainingReport training = classifier.fit(rows.select(labeledRows), classes, progress);
        progress.checkCancelled();
        long scoreStart = System.nanoTime();
        float[] scores = classifier.predictPositive(rows);
        int[] unlabeledRows = unlabeled.stream().mapToInt(Integer::intValue).toArray();
        List<RankedCandidate> top = new BatchSelector(QueryStrategies.named(strategy)).top(scores, unlabeledRows,
                queueLength, new SplittableRandom(seed));
        long scoreMillis = (System.nanoTime() - scoreStart) / 1_000_000;
        progress.checkCancelled();
        List<QueueEntry> queue = top.stream().map(c -> new QueueEntry(corpus.reviewIds()[c.row()], c.rank(), c.score(),
                c.positiveProbability(), strategy)).toList();
        RoundRecord round = store.saveRound(corpus.dataset().id(), new NewRound(labels.size(),
                classifier.description().name(), strategy, training.validationAccuracy(), training.millis(),
                scoreMillis), queue);
        return new Result(round, queue, training, scores, Map.copyOf(labels), labeledRows, classes, unlabeledRows);
    }

    /**
     * @param positiveProbability p(positive) for every review of the corpus, in corpus order
     * @param labels the labels the model was trained on (labels given meanwhile are not among them)
     * @param labeledRows the corpus rows of those labels, in corpus order
     * @param classes the class index of each of {@code labeledRows}
     * @param unlabeledRows the other corpus rows, in corpus order
     */
    public record Result(RoundRecord round, List<QueueEntry> queue, TrainingReport training,
                         float[] positiveProbability, Map<Long, Sentiment> labels, int[] labeledRows,
                         int[] classes, int[] unlabeledRows) {
    }
}
