package org.activelabeler.team;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.labeling.LabelingSession;
import org.activelabeler.labeling.QueueEntry;

/**
 * The next reviews for one annotator of a team: the dataset's queue in its order (as {@link LabelingSession#order}
 * gives it), less what others hold or have labeled, claimed so that nobody else is served them meanwhile.
 *
 * <p>It keeps what it knows of the labels and reads only the events since the last call (and the whole history
 * again every minute, for undos, which change old events, and for events another client committed late); the
 * queue is read again when a round was added. What it knows only orders the candidates: the claim checks the
 * labels and claims in the store, in one transaction, whatever this copy missed.
 */
public final class TeamQueue {
    private static final int MAX_WINDOW = 16_384;
    private static final long FULL_READ_NANOS = 60_000_000_000L;
    private final Corpus corpus;
    private final long[] askingOrder;
    private final LabelStore labels;
    private final ClaimStore claims;
    private final String annotator;
    private final Map<Long, Integer> labeled = new HashMap<>();
    private final Map<Long, LabelAction> newest = new HashMap<>();
    private long lastSeq;
    private long lastFullRead = Long.MIN_VALUE;
    private int roundsSeen = -1;
    private List<QueueEntry> queue = List.of();

    public TeamQueue(Corpus corpus, LabelStore labels, ClaimStore claims, String annotator) {
        this(corpus, corpus.reviewIds(), labels, claims, annotator);
    }

    /** @param askingOrder the order of the texts no round ranked (the window's, shuffled for a file sorted by class) */
    public TeamQueue(Corpus corpus, long[] askingOrder, LabelStore labels, ClaimStore claims, String annotator) {
        this.askingOrder = askingOrder;
        this.corpus = corpus;
        this.labels = labels;
        this.claims = claims;
        this.annotator = annotator;
    }

    /** Claims and returns up to {@code count} reviews for this annotator, best first; fewer when the pool runs out. */
    public synchronized List<Long> next(int count) {
        long datasetId = corpus.dataset().id();
        TeamSettings settings = claims.settings(datasetId);
        catchUp(datasetId);
        Set<Long> full = new HashSet<>();
        labeled.keySet().forEach(id -> {
            if (!settings.overlaps(id)) {
                full.add(id);
            }
        });
        // Reviews others hold now are left out of the candidates (the claim checks again, under the lock), so
        // that the first window usually holds enough open ones even with many annotators at work.
        claims.claimedByOthers(datasetId, annotator).forEach((id, holders) -> {
            if (holders >= settings.labelersOf(id)) {
                full.add(id);
            }
        });
        Set<Long> skipped = new HashSet<>();
        newest.forEach((id, kind) -> {
            if (kind == LabelAction.SKIP) {
                skipped.add(id);
            }
        });
        for (int window = Math.max(16, count * 4); ; window = Math.min(MAX_WINDOW, window * 4)) {
            List<Long> candidates = LabelingSession.order(queue, askingOrder, full, skipped, window);
            List<Long> claimed = claims.claim(datasetId, annotator, candidates, count);
            if (claimed.size() >= count || candidates.size() < window || window == MAX_WINDOW) {
                return claimed;
            }
        }
    }

    public void release(List<Long> reviewIds) {
        claims.release(corpus.dataset().id(), annotator, reviewIds);
    }

    private void catchUp(long datasetId) {
        long now = System.nanoTime();
        if (lastFullRead == Long.MIN_VALUE || now - lastFullRead > FULL_READ_NANOS) {
            labeled.clear();
            newest.clear();
            lastSeq = 0;
            lastFullRead = now;
        }
        for (LabelEvent event : labels.eventsAfter(datasetId, lastSeq)) {
            lastSeq = Math.max(lastSeq, event.seq());
            if (event.undoneAt() != null) {
                continue;
            }
            newest.put(event.reviewId(), event.action());
            if (event.action() == LabelAction.LABEL) {
                labeled.put(event.reviewId(), event.label());
            } else if (event.action() == LabelAction.REMOVE) {
                labeled.remove(event.reviewId());
            }
        }
        int rounds = labels.rounds(datasetId).size();
        if (rounds != roundsSeen) {
            queue = labels.queue(datasetId);
            roundsSeen = rounds;
        }
    }
}
