package org.activelabeler.ui.labeling;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.activelabeler.dataset.DatasetStore;
import org.activelabeler.dataset.ReviewText;

/**
 * The readable text of reviews, read from the store ahead of need on a background reader so that
 * the next review is on screen at once. A review that was not read ahead is read on demand.
 */
public final class ReviewTexts {
    private final DatasetStore store;
    private final Executor reader;
    private final Map<Long, String> cache = new ConcurrentHashMap<>();

    public ReviewTexts(DatasetStore store, Executor reader) {
        this.store = store;
        this.reader = reader;
    }

    /** The readable text: {@code <br />} as line breaks, Windows punctuation as meant. Never HTML. */
    public String text(long reviewId) {
        return cache.computeIfAbsent(reviewId, id -> ReviewText.readable(store.reviewText(id)));
    }

    /** The text when it was read already, else null. */
    public String cached(long reviewId) {
        return cache.get(reviewId);
    }

    /** Reads these reviews now, on the calling thread (a background one). */
    public void load(List<Long> reviewIds) {
        for (long id : reviewIds) {
            text(id);
        }
    }

    /** Reads these reviews on the background reader. */
    public void prefetch(List<Long> reviewIds) {
        List<Long> missing = reviewIds.stream().filter(id -> !cache.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            reader.execute(() -> load(missing));
        }
    }
}
