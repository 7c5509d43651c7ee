package org.activelabeler.labeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.activelabeler.dataset.Corpus;

/**
 * What an annotator does with a dataset: label, skip, undo, and see what comes next. Each action
 * is committed to the store before the method returns.
 */
public final class LabelingSession {
    /** The annotator name of the simulated oracle's labels. */
    public static final String ORACLE = "simulated-oracle";

    private final Corpus corpus;
    private final LabelStore store;
    private final String annotator;
    private final LabelSource source;

    /** A person's session. */
    public LabelingSession(Corpus corpus, LabelStore store, String annotator) {
        this(corpus, store, annotator, LabelSource.HUMAN);
    }

    private LabelingSession(Corpus corpus, LabelStore store, String annotator, LabelSource source) {
        if (annotator == null || annotator.isBlank()) {
            throw new IllegalArgumentException("An annotator name is needed");
        }
        this.corpus = corpus;
        this.store = store;
        this.annotator = annotator.strip();
        this.source = source;
    }

    /** The simulated oracle's session: the file's labels answer, recorded as {@link LabelSource#ORACLE}. */
    public static LabelingSession oracle(Corpus corpus, LabelStore store) {
        return new LabelingSession(corpus, store, ORACLE, LabelSource.ORACLE);
    }

    public LabelSource source() {
        return source;
    }

    public String annotator() {
        return annotator;
    }

    public long datasetId() {
        return corpus.dataset().id();
    }

    /** @param label the class index in the dataset's label set */
    public LabelEvent label(long reviewId, int label) {
        int classes = corpus.dataset().labels().size();
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("Class " + label + " is not in the label set "
                    + corpus.dataset().labels().quoted());
        }
        return store.record(reviewId, LabelAction.LABEL, label, annotator, source);
    }

    public LabelEvent skip(long reviewId) {
        return store.record(reviewId, LabelAction.SKIP, LabelEvent.NO_LABEL, annotator, source);
    }

    /** Takes the label of {@code reviewId} away, durably; undo gives it back. */
    public LabelEvent remove(long reviewId) {
        return store.record(reviewId, LabelAction.REMOVE, LabelEvent.NO_LABEL, annotator, source);
    }

    /** Takes back this annotator's newest label or skip; empty when there is nothing to undo. */
    public Optional<LabelEvent> undo() {
        return store.undoLast(datasetId(), annotator);
    }

    public Map<Long, Integer> labels() {
        return store.currentLabels(datasetId());
    }

    /**
     * The next reviews to ask, best first: the last retrain's queue without what was labeled or
     * skipped since, then the remaining unlabeled reviews in file order, then the skipped ones.
     */
    public List<Long> upcoming(int limit) {
        return order(store.queue(datasetId()), corpus.reviewIds(), labels().keySet(), store.skipped(datasetId()),
                limit);
    }

    /**
     * The order of {@link #upcoming}, from state a caller already holds (the GUI keeps it in memory
     * so that the next review appears without a database round trip).
     */
    public static List<Long> order(List<QueueEntry> queue, long[] reviewIds, Set<Long> labeled, Set<Long> skipped,
                                   int limit) {
        List<Long> result = new ArrayList<>(limit);
        Set<Long> taken = new java.util.HashSet<>();
        for (QueueEntry entry : queue) {
            addIfOpen(entry.reviewId(), labeled, skipped, taken, result, limit);
        }
        for (int i = 0; i < reviewIds.length && result.size() < limit; i++) {
            addIfOpen(reviewIds[i], labeled, skipped, taken, result, limit);
        }
        for (int i = 0; i < reviewIds.length && result.size() < limit; i++) {
            long id = reviewIds[i];
            if (skipped.contains(id) && !labeled.contains(id) && taken.add(id)) {
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

    private static void addIfOpen(long id, Set<Long> labeled, Set<Long> skipped, Set<Long> taken,
                                  List<Long> result, int limit) {
        if (result.size() < limit && !labeled.contains(id) && !skipped.contains(id) && taken.add(id)) {
            result.add(id);
        }
    }
}
