package org.activelabeler.ui.labeling;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import org.activelabeler.explain.HighlightedWords;
import org.activelabeler.explain.WordPull;

/**
 * The highlighted words of each text, worked out on the background reader ahead of need (the texts
 * coming next) and kept until the model changes, so that a key press only looks them up.
 */
final class WordMarks {
    private final ReviewTexts texts;
    private final Map<Long, List<WordPull>> ready = new ConcurrentHashMap<>();
    private volatile HighlightedWords highlighter;

    WordMarks(ReviewTexts texts) {
        this.texts = texts;
    }

    /** A new model's words (null: none); what was worked out for the last one is dropped. */
    void use(HighlightedWords words) {
        highlighter = words;
        ready.clear();
    }

    boolean active() {
        return highlighter != null;
    }

    /** The words of a text when they were worked out already, else null. */
    List<WordPull> cached(long reviewId) {
        return ready.get(reviewId);
    }

    /**
     * Works out the words of these texts on the reader, then calls {@code done} on the UI thread for
     * each (skipped for those already known).
     *
     * @param classOf the class to explain for a text, or -1 for none
     */
    void prefetch(List<Long> reviewIds, LongFunction<Integer> classOf, BiConsumer<Long, List<WordPull>> done) {
        HighlightedWords words = highlighter;
        if (words == null) {
            return;
        }
        List<Long> missing = reviewIds.stream().filter(id -> !ready.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        List<Integer> classes = missing.stream().map(classOf::apply).toList();
        texts.inBackground(() -> {
            for (int i = 0; i < missing.size(); i++) {
                if (highlighter != words) {
                    return;
                }
                long id = missing.get(i);
                List<WordPull> found = classes.get(i) < 0 ? List.of()
                        : words.strongest(texts.text(id), classes.get(i), LabelingViewModel.HIGHLIGHTED_WORDS);
                ready.put(id, found);
                texts.onUiThread(() -> {
                    if (highlighter == words) {
                        done.accept(id, found);
                    }
                });
            }
        });
    }
}
