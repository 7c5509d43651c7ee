package org.activelabeler.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.activelabeler.text.TextTokenizer;
import org.activelabeler.text.TokenSpans;

/**
 * The words of a text that pulled the model's prediction most, toward the predicted class or away
 * from it: the tokens' pulls ({@link TokenPulls}) added up over each word, a word being the tokens
 * that touch with letters or digits on both sides (WordPiece's {@code ##} pieces).
 */
public final class HighlightedWords {
    /** A word pulling less than this share of the strongest one is not worth a highlight. */
    private static final double LEAST_SHARE = 0.15;
    private final TextTokenizer tokenizer;
    private final TokenPulls pulls;

    public HighlightedWords(TextTokenizer tokenizer, TokenPulls pulls) {
        this.tokenizer = tokenizer;
        this.pulls = pulls;
    }

    /**
     * At most {@code count} of the words that pulled hardest toward or away from {@code klass}, in
     * the order of the text.
     */
    public List<WordPull> strongest(String text, int klass, int count) {
        if (klass < 0 || klass >= pulls.classes()) {
            return List.of();
        }
        TokenSpans spans = tokenizer.spans(text);
        List<WordPull> words = words(text, spans, pulls.pulls(spans.ids(), klass));
        double strongest = words.stream().mapToDouble(w -> Math.abs(w.pull())).max().orElse(0);
        if (strongest == 0) {
            return List.of();
        }
        return words.stream()
                .filter(w -> Math.abs(w.pull()) >= LEAST_SHARE * strongest)
                .sorted(Comparator.comparingDouble((WordPull w) -> -Math.abs(w.pull())))
                .limit(count)
                .sorted(Comparator.comparingInt(WordPull::start))
                .toList();
    }

    static List<WordPull> words(String text, TokenSpans spans, double[] tokenPulls) {
        List<WordPull> words = new ArrayList<>();
        int i = 0;
        while (i < spans.size()) {
            int start = spans.starts()[i];
            int end = spans.ends()[i];
            double pull = tokenPulls[i];
            int j = i + 1;
            while (j < spans.size() && joins(text, end, spans.starts()[j])) {
                end = spans.ends()[j];
                pull += tokenPulls[j];
                j++;
            }
            if (end > start) {
                words.add(new WordPull(start, end, pull));
            }
            i = j;
        }
        return words;
    }

    private static boolean joins(String text, int end, int nextStart) {
        return nextStart == end && end > 0 && end < text.length()
                && Character.isLetterOrDigit(text.charAt(end - 1)) && Character.isLetterOrDigit(text.charAt(end));
    }
}
