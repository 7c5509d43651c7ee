package org.activelabeler.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.features.FeatureSettings;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.testsupport.SyntheticReviews;
import org.activelabeler.text.TokenSpans;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;
import org.activelabeler.training.djl.NgramLogisticClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled tokenizer and the real fast model on synthetic reviews. */
class HighlightedWordsTest {
    private static HuggingFaceTextTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = HuggingFaceTextTokenizer.bundled();
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void theSpansGiveTheSameIdsAsEncodingAndPointAtTheTokens() {
        String text = "Caf\u00e9 scenes \uD83D\uDE00 were unbelievably great!";

        TokenSpans spans = tokenizer.spans(text);

        assertThat(spans.ids()).containsExactly(tokenizer.encode(List.of(text))[0]);
        List<String> pieces = new java.util.ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            pieces.add(text.substring(spans.starts()[i], spans.ends()[i]));
        }
        assertThat(pieces).contains("scenes", "great", "!").last().isEqualTo("!");
        assertThat(String.join("", pieces)).as("every character but the spaces, in order")
                .isEqualTo(text.replace(" ", ""));
    }

    @Test
    void wordPiecesMakeOneWordAndPunctuationStaysApart() {
        String text = "unbelievably great!";
        TokenSpans spans = tokenizer.spans(text);
        double[] pulls = new double[spans.size()];
        java.util.Arrays.fill(pulls, 1);

        List<WordPull> words = HighlightedWords.words(text, spans, pulls);

        assertThat(words).extracting(w -> text.substring(w.start(), w.end()))
                .containsExactly("unbelievably", "great", "!");
        assertThat(words.get(0).pull()).as("one pull per piece").isEqualTo(spans.size() - 2);
    }

    @Test
    void theWordsThatCarryTheSentimentAreTheOnesHighlighted() {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(5).distinct(200);
        int[][] ids = tokenizer.encode(reviews.stream().map(SyntheticReviews.Review::text).toList());
        int[] labels = reviews.stream().mapToInt(r -> r.positive() ? 1 : 0).toArray();
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(ids, FeatureSettings.DEFAULT.sparseOnly());
        try (NgramLogisticClassifier model = new NgramLogisticClassifier(ClassifierSettings.builder().build(), Map.of())) {
            model.fit(fitted.rows(), labels, 2, org.activelabeler.progress.Progress.NONE);
            int columns = fitted.pipeline().settings().sparseColumnCount();
            TokenPulls pulls = new TokenPulls(fitted.pipeline(), model.linearWeights(columns).orElseThrow(), 2);
            HighlightedWords highlighter = new HighlightedWords(tokenizer, pulls);
            String text = "the plot was wonderful and the cast superb but the ending was dull";

            List<WordPull> positive = highlighter.strongest(text, 1, 3);

            assertThat(positive).extracting(w -> text.substring(w.start(), w.end()))
                    .containsExactly("wonderful", "superb", "dull");
            assertThat(positive).extracting(WordPull::toward).containsExactly(true, true, false);
            assertThat(highlighter.strongest(text, 0, 3)).extracting(WordPull::toward)
                    .containsExactly(false, false, true);
        }
    }
}
