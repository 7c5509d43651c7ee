package org.activelabeler.labeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.Sentiment;

/**
 * What an annotator does with a dataset: label, skip, undo, and see what comes next. Each action
 * is committed to the store before the method returns.
 */
public final class LabelingSession {
    private final Corpus corpus;
    private final LabelStore store;
    private final String annotator;

    public LabelingSession(Corpus corpus, LabelStore store, String annotator) {
        if (annotator == null || annotator.isBlank()) {
            throw new IllegalArgumentException("An annotator name is needed");
        }
        this.corpus = corpus;
        this.store = store;
        this.annotator = annotator.strip();
    }

    public String annotator() {
        return annotator;
    }

    public long datasetId() {
        return corpus.dataset().id();
    }

    public LabelEvent label(long reviewId, Sentiment sentiment) {
        return store.record(reviewId, LabelAction.LABEL, sentiment, annotator);
    }

    public LabelEvent skip(long reviewId) {
        return store.record(reviewId, LabelAction.SKIP, null, annotator);
    }

    /** Takes back this annotator's newest label or skip; empty when there is nothing to undo. */
    public Optional<LabelEvent> undo() {
        return store.undoLast(datasetId(), annotator);
    }

    public Map<Long, Sentiment> labels() {
        return store.currentLabels(datasetId());
    }

    /**
     * The next reviews to ask, best first: the last retrain's queue without what was labeled or
     * skipped since, then the remaining unlabeled reviews in file order, then the skipped ones.
     */
    public List<Long> upcoming(int limit) {
        Map<Long, Sentiment> labeled = labels();
        Set<Long> skipped = store.skipped(datasetId());
        List<Long> result = new ArrayList<>(limit);
        Set<Long> taken = new java.util.HashSet<>();
        for (QueueEntry entry : store.queue(datasetId())) {
            addIfOpen(entry.reviewId(), labeled, skipped, taken, result, limit);
        }
        for (long id : corpus.reviewIds()) {
            addIfOpen(id, labeled, skipped, taken, result, limit);
        }
        for (long id : corpus.reviewIds()) {
            if (result.size() < limit && skipped.contains(id) && !labeled.containsKey(id) && taken.add(id)) {
                result.add(id);
            }
        }
        return result;
    }

    public Optional<Long> next() {
        return upcoming(1).stream().findFirst();
    }

    public List<QueueEntry> queue() {
        return store.queue(datasetId());
    }

    public List<RoundRecord> rounds() {
        return store.rounds(datasetId());
    }

    private static void addIfOpen(long id, Map<Long, Sentiment> labeled, Set<Long> skipped, Set<Long> taken,
                                  List<Long> result, int limit) {
        if (result.size() < limit && !labeled.containsKey(id) && !skipped.contains(id) && taken.add(id)) {
            result.add(id);
        }
    }
}
