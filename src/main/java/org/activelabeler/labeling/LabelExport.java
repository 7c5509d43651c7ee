package org.activelabeler.labeling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.model.Predictions;

/**
 * The rows an export writes: one per labeled text (its label from the loop, or else the file's own),
 * or, with every event, one per label, skip and undo ever given. Built from what the stores hold; the
 * writing is a file adapter's.
 */
public final class LabelExport {
    /** Where a label in an export comes from: a person, the simulated oracle, or the imported file. */
    public static final String FILE_SOURCE = "file";

    private LabelExport() {
    }

    /**
     * One text with its current label.
     *
     * @param id the id of the file's id column, else the store's review id
     * @param label the class name, or null for a text without any label (only with predictions)
     * @param annotator who gave it, or null for the file's label
     * @param time when, or null for the file's label
     * @param source {@code human}, {@code oracle} or {@link #FILE_SOURCE}
     * @param probabilities the model's class probabilities, or null without predictions
     */
    public record Row(String id, String text, String label, String annotator, Instant time, String source,
                      float[] probabilities) {
    }

    /**
     * One event as stored.
     *
     * @param undoneAt when it was taken back, or null
     */
    public record EventRow(long seq, String id, String text, String action, String label, String annotator,
                           String source, Instant time, Instant undoneAt) {
    }

    /**
     * @param current the current label event of each labeled review
     * @param predictions every text's class probabilities in corpus order, or null; with them every
     *     text is a row, labeled or not
     */
    public static List<Row> current(Corpus corpus, List<String> texts, Map<Long, String> sourceIds,
                                    Map<Long, LabelEvent> current, Predictions predictions) {
        LabelSet labels = corpus.dataset().labels();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            long reviewId = corpus.reviewIds()[i];
            String id = sourceIds.getOrDefault(reviewId, Long.toString(reviewId));
            float[] p = predictions == null ? null : predictions.row(i);
            LabelEvent event = current.get(reviewId);
            if (event != null) {
                rows.add(new Row(id, texts.get(i), labels.name(event.label()), event.annotator(), event.createdAt(),
                        source(event.source()), p));
            } else if (corpus.gold()[i] >= 0) {
                rows.add(new Row(id, texts.get(i), labels.name(corpus.gold()[i]), null, null, FILE_SOURCE, p));
            } else if (p != null) {
                rows.add(new Row(id, texts.get(i), null, null, null, null, p));
            }
        }
        return rows;
    }

    /** Every label, skip and undo of the dataset, oldest first. */
    public static List<EventRow> events(Corpus corpus, List<String> texts, Map<Long, String> sourceIds,
                                        List<LabelEvent> events) {
        Map<Long, Integer> rowOf = new java.util.HashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            rowOf.put(corpus.reviewIds()[i], i);
        }
        LabelSet labels = corpus.dataset().labels();
        List<EventRow> rows = new ArrayList<>(events.size());
        for (LabelEvent e : events) {
            int row = rowOf.get(e.reviewId());
            rows.add(new EventRow(e.seq(), sourceIds.getOrDefault(e.reviewId(), Long.toString(e.reviewId())),
                    texts.get(row), e.action().name().toLowerCase(java.util.Locale.ROOT),
                    e.label() < 0 ? null : labels.name(e.label()), e.annotator(), source(e.source()), e.createdAt(),
                    e.undoneAt()));
        }
        return rows;
    }

    /** {@code human} or {@code oracle}, as exports and their readers spell it. */
    public static String source(LabelSource source) {
        return source.name().toLowerCase(java.util.Locale.ROOT);
    }
}
