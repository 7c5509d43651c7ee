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
    private final Executor uiThread;
    private final Map<Long, String> cache = new ConcurrentHashMap<>();

    /** Reads on {@code reader}; what waits for a read runs on the reader too (tests: both the calling thread). */
    public ReviewTexts(DatasetStore store, Executor reader) {
        this(store, reader, Runnable::run);
    }

    /** @param uiThread where {@link #prefetch(List, Runnable)} tells that the texts are there */
    public ReviewTexts(DatasetStore store, Executor reader, Executor uiThread) {
        this.store = store;
        this.reader = reader;
        this.uiThread = uiThread;
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

    /** Runs other work on the background reader (what comes with the texts, such as their highlighted words). */
    void inBackground(Runnable work) {
        reader.execute(work);
    }

    /** Runs on the UI thread. */
    void onUiThread(Runnable work) {
        uiThread.execute(work);
    }

    /** Reads these reviews on the background reader. */
    public void prefetch(List<Long> reviewIds) {
        prefetch(reviewIds, null);
    }

    /**
     * Reads these reviews on the background reader, then runs {@code loaded} on the UI thread; nothing
     * runs when every text was read already.
     */
    public void prefetch(List<Long> reviewIds, Runnable loaded) {
        List<Long> missing = reviewIds.stream().filter(id -> !cache.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            reader.execute(() -> {
                load(missing);
                if (loaded != null) {
                    uiThread.execute(loaded);
                }
            });
        }
    }
}
