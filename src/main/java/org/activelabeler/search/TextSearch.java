package org.activelabeler.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.model.Predictions;
import org.activelabeler.strategy.BaldSampling;

/**
 * Finds texts of one dataset by their words or a regular expression, their label, annotator and
 * source, and the model's view of them (how unsure it is; whether it contradicts the label: the
 * likely mistakes). Built once per opened dataset from its texts; a search reads the current labels
 * and predictions it is given. Safe to call from any one thread at a time.
 */
public final class TextSearch {
    private static final int SNIPPET_BEFORE = 40;
    private static final int SNIPPET_LENGTH = 160;

    private final long[] reviewIds;
    private final List<String> texts;
    private final List<String> lowerCase;

    /** @param texts the readable text of each review, in the order of {@code reviewIds} */
    public TextSearch(long[] reviewIds, List<String> texts) {
        if (reviewIds.length != texts.size()) {
            throw new IllegalArgumentException("Need one text per review: " + reviewIds.length + " ids, "
                    + texts.size() + " texts");
        }
        this.reviewIds = reviewIds.clone();
        this.texts = List.copyOf(texts);
        this.lowerCase = texts.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    /** The result: the first {@code limit} hits in their order, and how many matched in all. */
    public record Result(List<SearchHit> hits, int matched) {
    }

    /**
     * @param current the event behind each labeled review's current label
     * @param predictions the latest model's prediction for every row, or null before a model
     * @throws IllegalArgumentException when {@code query} holds a regular expression that does not compile
     */
    public Result run(SearchQuery query, Map<Long, LabelEvent> current, Predictions predictions, int limit) {
        Matcher matcher = query.regex() && !query.text().isBlank() ? compile(query.text()).matcher("") : null;
        List<String> words = query.regex() ? List.of()
                : List.of(query.text().toLowerCase(Locale.ROOT).strip().split("\\s+")).stream()
                .filter(w -> !w.isEmpty()).toList();
        if ((query.disagreeing() || query.uncertainFirst()) && predictions == null) {
            throw new IllegalArgumentException("There is no model yet: the model's view needs a retrain first");
        }
        List<SearchHit> hits = new ArrayList<>();
        for (int row = 0; row < reviewIds.length; row++) {
            LabelEvent event = current.get(reviewIds[row]);
            if (!labelMatches(query, event)) {
                continue;
            }
            int predicted = predictions == null ? -1 : predictions.top(row);
            if (query.disagreeing() && (event == null || predicted == event.label())) {
                continue;
            }
            int at = find(row, matcher, words);
            if (at < 0) {
                continue;
            }
            double confidence = predictions == null ? Double.NaN : predictions.get(row, predicted);
            double entropy = predictions == null ? Double.NaN : BaldSampling.entropy(predictions, row);
            hits.add(new SearchHit(row, reviewIds[row], snippet(texts.get(row), at), event == null ? -1 : event.label(),
                    event == null ? null : event.annotator(), event == null ? null : event.source(), predicted,
                    confidence, entropy, event == null ? null : event.createdAt()));
        }
        if (query.newestFirst()) {
            hits.sort(Comparator.comparing(SearchHit::labeledAt, Comparator.nullsLast(Comparator.reverseOrder())));
        } else if (query.disagreeing()) {
            hits.sort(Comparator.comparingDouble(SearchHit::confidence).reversed());
        } else if (query.uncertainFirst()) {
            hits.sort(Comparator.comparingDouble(SearchHit::entropy).reversed());
        }
        return new Result(List.copyOf(hits.subList(0, Math.min(limit, hits.size()))), hits.size());
    }

    public int size() {
        return reviewIds.length;
    }

    private static boolean labelMatches(SearchQuery query, LabelEvent event) {
        boolean labeled = event != null;
        boolean byLabel = switch (query.label()) {
            case SearchQuery.ANY_LABEL -> true;
            case SearchQuery.UNLABELED -> !labeled;
            case SearchQuery.LABELED -> labeled;
            default -> labeled && event.label() == query.label();
        };
        if (!byLabel) {
            return false;
        }
        if (query.annotator() != null && (!labeled || !query.annotator().equals(event.annotator()))) {
            return false;
        }
        return query.source() == null || labeled && event.source() == query.source();
    }

    /** Where the text matches (0 for a query without words), or -1. */
    private int find(int row, Matcher matcher, List<String> words) {
        if (matcher != null) {
            matcher.reset(texts.get(row));
            return matcher.find() ? matcher.start() : -1;
        }
        int first = words.isEmpty() ? 0 : Integer.MAX_VALUE;
        String text = lowerCase.get(row);
        for (String word : words) {
            int at = text.indexOf(word);
            if (at < 0) {
                return -1;
            }
            first = Math.min(first, at);
        }
        return first;
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Not a regular expression: " + e.getDescription() + " near position "
                    + e.getIndex() + " of '" + regex + "'", e);
        }
    }

    private static String snippet(String text, int at) {
        int from = Math.max(0, at - SNIPPET_BEFORE);
        int to = Math.min(text.length(), from + SNIPPET_LENGTH);
        return (from > 0 ? "…" : "") + text.substring(from, to).replace('\n', ' ') + (to < text.length() ? "…" : "");
    }
}
