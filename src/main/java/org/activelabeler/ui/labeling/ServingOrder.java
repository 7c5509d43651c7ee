package org.activelabeler.ui.labeling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.labeling.AuditDraws;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.labeling.LabelingSession;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.model.Predictions;
import org.activelabeler.twospeed.QueueOwner;
import org.activelabeler.twospeed.TransformerQueue;

/**
 * Which texts come next, and why: the transformer's ranking while it serves and has open texts, then
 * the fast model's queue, then the rest in the asking order, then the skipped ones; in the two-speed
 * loop a share of the slots goes to texts drawn at random ({@link AuditDraws}), and with the fast model
 * alone the window's audit share.
 */
final class ServingOrder {
    private final long[] reviewIds;
    private final long[] askingOrder;
    private final Map<Long, Integer> rowOf;
    private final LabelSet labels;
    private final AuditDraws audits;
    private List<QueueEntry> queue;
    private Map<Long, QueueEntry> queued = Map.of();
    private Predictions predictions;
    private int round;
    private List<QueueEntry> transformerQueue = List.of();
    private Map<Long, QueueEntry> transformerQueued = Map.of();
    private int transformerRound;
    private QueueOwner transformerOwner = QueueOwner.TRANSFORMER;
    private double fastAuditShare;
    private long fastAuditSeed;
    private boolean laneAuditShare;

    ServingOrder(OpenedDataset opened, long[] askingOrder, Map<Long, Integer> rowOf, LabelStore store) {
        this.reviewIds = opened.corpus().reviewIds();
        this.askingOrder = askingOrder;
        this.rowOf = rowOf;
        this.labels = opened.corpus().dataset().labels();
        this.audits = new AuditDraws(store, opened.corpus().dataset().id(), reviewIds, opened.auditDraws());
        this.queue = opened.queue();
        this.round = opened.rounds().size();
        this.queued = byReview(queue);
    }

    /** The next texts to ask: the serving ranking's, with audit draws at their slots while they are mixed in. */
    List<Long> next(int limit, Answers answers) {
        return audits.next(limit, answers.labels().size(), answers::isOpen,
                n -> LabelingSession.order(serving(), askingOrder, answers.labels().keySet(), answers.skipped(), n));
    }

    /** The latest fast round's prediction for every row, or null before one. */
    Predictions predictions() {
        return predictions;
    }

    void applyFastRound(List<QueueEntry> entries, Predictions scored) {
        queue = entries;
        queued = byReview(entries);
        predictions = scored;
        round++;
    }

    /** The probabilities of a model fitted again on reopening; the queue stays the last round's. */
    void applyScores(Predictions scored) {
        predictions = scored;
    }

    void serveTransformer(QueueOwner owner, int[] rankedRows, double[] scores, String strategy, int number,
                          Answers answers) {
        Map<Integer, Double> scoreOf = new HashMap<>();
        for (int i = 0; i < rankedRows.length; i++) {
            scoreOf.put(rankedRows[i], scores[i]);
        }
        int[] open = new TransformerQueue(rankedRows).next(rankedRows.length,
                row -> !answers.isOpen(reviewIds[row]));
        List<QueueEntry> entries = new ArrayList<>(open.length);
        for (int row : open) {
            int top = predictions == null ? -1 : predictions.top(row);
            entries.add(new QueueEntry(reviewIds[row], entries.size() + 1, scoreOf.get(row), top,
                    top < 0 ? Double.NaN : predictions.get(row, top), strategy));
        }
        transformerQueue = List.copyOf(entries);
        transformerQueued = byReview(transformerQueue);
        transformerOwner = owner;
        transformerRound = number;
    }

    /** @return whether the transformer served until now */
    boolean serveFast() {
        boolean served = !transformerQueue.isEmpty();
        transformerQueue = List.of();
        transformerQueued = Map.of();
        return served;
    }

    void mixInAuditDraws(double share, long seed) {
        laneAuditShare = true;
        audits.mixIn(share, seed);
    }

    /** The share of draws while the fast model serves alone; the two-speed loop's share prevails while it runs. */
    void mixInFastAuditDraws(double share, long seed) {
        fastAuditShare = share;
        fastAuditSeed = seed;
        if (!laneAuditShare) {
            audits.mixIn(share, seed);
        }
    }

    void stopAuditDraws() {
        laneAuditShare = false;
        if (fastAuditShare > 0) {
            audits.mixIn(fastAuditShare, fastAuditSeed);
        } else {
            audits.stop();
        }
    }

    /** Who ranks the next texts; the transformer's ranking runs out once none of its texts is open. */
    QueueOwner owner(Answers answers) {
        if (!transformerQueue.isEmpty() && transformerQueue.stream().noneMatch(e -> answers.isOpen(e.reviewId()))) {
            serveFast();
        }
        return transformerQueue.isEmpty() ? QueueOwner.FAST : transformerOwner;
    }

    /** The model's view of a text: its class probabilities and why it is asked now. */
    ModelView describe(long id, boolean skipped) {
        float[] probabilities = predictions == null ? null : predictions.row(rowOf.get(id));
        if (isDraw(id, skipped)) {
            return ModelView.drawnAtRandom(labels, probabilities);
        }
        QueueEntry chosen = transformerQueued.get(id);
        if (chosen != null && !skipped) {
            return ModelView.chosenByTransformer(labels, transformerOwner, chosen, transformerQueue.size(),
                    transformerRound, probabilities);
        }
        QueueEntry entry = queued.get(id);
        if (entry != null && !skipped) {
            return ModelView.queued(labels, entry, queue.size(), round, probabilities);
        }
        if (probabilities != null) {
            return ModelView.scored(labels, probabilities, round, skipped);
        }
        return ModelView.unscored(labels, skipped);
    }

    /**
     * A text as the queue list shows it: its class and probability by the fast model the window has, as the
     * model's view shows them (after a reopening that is the model fitted again, which need not match the
     * stored round's), else as the round that queued it stored them (a transformer's always); its rank and
     * score are that round's.
     */
    QueueRow row(long id, boolean skipped, String snippet) {
        boolean audit = isDraw(id, skipped);
        QueueEntry byTransformer = audit ? null : transformerQueued.get(id);
        QueueEntry entry = audit ? null : byTransformer != null ? byTransformer : queued.get(id);
        int top = -1;
        double p = Double.NaN;
        if (byTransformer == null && predictions != null) {
            top = predictions.top(rowOf.get(id));
            p = predictions.get(rowOf.get(id), top);
        } else if (entry != null && entry.topClass() >= 0 && !Double.isNaN(entry.topProbability())) {
            top = entry.topClass();
            p = entry.topProbability();
        }
        return new QueueRow(id, entry == null ? 0 : entry.rank(), top < 0 ? null : labels.name(top), p,
                entry == null ? Double.NaN : entry.score(), snippet, audit);
    }

    private boolean isDraw(long id, boolean skipped) {
        return audits.isDraw(id) && !skipped;
    }

    /** The transformer's open texts first, then the fast model's. */
    private List<QueueEntry> serving() {
        if (transformerQueue.isEmpty()) {
            return queue;
        }
        List<QueueEntry> both = new ArrayList<>(transformerQueue.size() + queue.size());
        both.addAll(transformerQueue);
        both.addAll(queue);
        return both;
    }

    private static Map<Long, QueueEntry> byReview(List<QueueEntry> entries) {
        Map<Long, QueueEntry> byId = new HashMap<>();
        for (QueueEntry entry : entries) {
            byId.put(entry.reviewId(), entry);
        }
        return byId;
    }
}
