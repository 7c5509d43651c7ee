package org.activelabeler.labeling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every label event of a dataset, newest first, each with what became of it: nothing is overwritten
 * (a change is a newer event, a removal a REMOVE event, an undo marks the event undone), so the history
 * shows who gave which label when, and which of them counts now.
 */
public final class LabelHistory {

    /** What became of an event. */
    public enum Status {
        /** The newest event of its text that is not undone: what the text stands at now. */
        CURRENT,
        /** A newer event of the same text took its place. */
        REPLACED,
        /** Taken back with undo. */
        UNDONE
    }

    /** One event and what became of it. */
    public record Entry(LabelEvent event, Status status) {
    }

    /**
     * Which events to list.
     *
     * @param annotator only this annotator's (case does not matter), or null for anyone's
     * @param action only this action, or null for any
     * @param label only events that gave this class, or -1 for any
     * @param withUndone whether undone events are listed too
     */
    public record Filter(String annotator, LabelAction action, int label, boolean withUndone) {
        public static final Filter ALL = new Filter(null, null, -1, true);

        boolean accepts(Entry entry) {
            LabelEvent event = entry.event();
            return (withUndone || entry.status() != Status.UNDONE)
                    && (annotator == null || annotator.strip().toLowerCase(Locale.ROOT)
                            .equals(event.annotator().toLowerCase(Locale.ROOT)))
                    && (action == null || event.action() == action)
                    && (label < 0 || event.action() == LabelAction.LABEL && event.label() == label);
        }
    }

    /** The first {@code limit} entries that pass the filter, and how many pass it in all. */
    public record Page(List<Entry> entries, int matched, int total) {
    }

    private LabelHistory() {
    }

    /** @param oldestFirst every event of one dataset, as {@link LabelStore#events} gives them */
    public static Page newestFirst(List<LabelEvent> oldestFirst, Filter filter, int limit) {
        Set<Long> decided = new HashSet<>();
        List<Entry> entries = new ArrayList<>();
        int matched = 0;
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            LabelEvent event = oldestFirst.get(i);
            Status status = event.undoneAt() != null ? Status.UNDONE
                    : decided.add(event.reviewId()) ? Status.CURRENT : Status.REPLACED;
            Entry entry = new Entry(event, status);
            if (filter.accepts(entry)) {
                matched++;
                if (entries.size() < limit) {
                    entries.add(entry);
                }
            }
        }
        return new Page(List.copyOf(entries), matched, oldestFirst.size());
    }
}
