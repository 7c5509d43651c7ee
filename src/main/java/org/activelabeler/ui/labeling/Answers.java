package org.activelabeler.ui.labeling;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.labeling.LabelingSession;

/**
 * The labels and skips of an opened dataset as the window holds them, and what undo takes back.
 * Every action is committed through a {@link LabelingSession} before it changes anything here, so
 * the next review shows from memory without a database round trip.
 */
final class Answers {
    private final LabelStore store;
    private final long datasetId;
    private final Map<Long, Integer> labels;
    private final Set<Long> skipped;
    private final Deque<Undo> undoStack = new ArrayDeque<>();

    Answers(LabelStore store, long datasetId, Map<Long, Integer> labels, Set<Long> skipped) {
        this.store = store;
        this.datasetId = datasetId;
        this.labels = new HashMap<>(labels);
        this.skipped = new HashSet<>(skipped);
    }

    void label(LabelingSession by, long reviewId, int label) {
        Undo undo = new Undo(reviewId, labels.get(reviewId), skipped.contains(reviewId), true, by);
        by.label(reviewId, label);
        undoStack.push(undo);
        labels.put(reviewId, label);
        skipped.remove(reviewId);
    }

    void skip(LabelingSession by, long reviewId) {
        Undo undo = new Undo(reviewId, labels.get(reviewId), skipped.contains(reviewId), false, by);
        by.skip(reviewId);
        undoStack.push(undo);
        labels.remove(reviewId);
        skipped.add(reviewId);
    }

    void remove(LabelingSession by, long reviewId) {
        Undo undo = new Undo(reviewId, labels.get(reviewId), skipped.contains(reviewId), false, by);
        by.remove(reviewId);
        undoStack.push(undo);
        labels.remove(reviewId);
    }

    /**
     * Takes back the newest action given here (through the session that gave it), or, with none, the
     * person's newest in the store; empty when there is nothing to undo.
     *
     * @return the event taken back, and whether it was the person's own label (for the session count)
     */
    Optional<Undone> undo(LabelingSession person) {
        Undo newest = undoStack.peek();
        Optional<LabelEvent> event = (newest == null ? person : newest.by).undo();
        if (event.isEmpty()) {
            return Optional.empty();
        }
        long id = event.get().reviewId();
        boolean ownLabel = false;
        if (newest != null && newest.reviewId == id) {
            undoStack.pop();
            restore(newest);
            ownLabel = newest.label && newest.by == person;
        } else {
            undoStack.clear();
            labels.clear();
            labels.putAll(store.currentLabels(datasetId));
            skipped.clear();
            skipped.addAll(store.skipped(datasetId));
        }
        return Optional.of(new Undone(event.get(), ownLabel));
    }

    /** Forgets what undo would take back here (another annotator's actions are not theirs to undo). */
    void forgetUndo() {
        undoStack.clear();
    }

    boolean isLabeled(long reviewId) {
        return labels.containsKey(reviewId);
    }

    boolean isSkipped(long reviewId) {
        return skipped.contains(reviewId);
    }

    /** Neither labeled nor skipped. */
    boolean isOpen(long reviewId) {
        return !labels.containsKey(reviewId) && !skipped.contains(reviewId);
    }

    Map<Long, Integer> labels() {
        return labels;
    }

    Set<Long> skipped() {
        return skipped;
    }

    private void restore(Undo undo) {
        if (undo.previousLabel == null) {
            labels.remove(undo.reviewId);
        } else {
            labels.put(undo.reviewId, undo.previousLabel);
        }
        if (undo.wasSkipped) {
            skipped.add(undo.reviewId);
        } else {
            skipped.remove(undo.reviewId);
        }
    }

    /** @param ownLabel the person's own label (not the oracle's, not a skip) */
    record Undone(LabelEvent event, boolean ownLabel) {
    }

    /** What an action changed, so that undo restores it without reading the database. */
    private record Undo(long reviewId, Integer previousLabel, boolean wasSkipped, boolean label, LabelingSession by) {
    }
}
