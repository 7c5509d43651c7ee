package org.activelabeler.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelSource;
import org.activelabeler.model.Predictions;
import org.junit.jupiter.api.Test;

class TextSearchTest {
    private static final long[] IDS = {10, 11, 12, 13, 14};
    private final TextSearch search = new TextSearch(IDS, List.of(
            "A great film with a great cast.",
            "Dull. I fell asleep in the first hour.",
            "The cast is great but the script is dull.",
            "Not great, not terrible.",
            "Wonderful photography; the story drags."));
    /** p(positive) per row: the model thinks 0 and 2 positive, 1 and 3 negative, 4 a coin flip. */
    private final Predictions predictions = Predictions.binary(new float[] {0.95f, 0.1f, 0.7f, 0.2f, 0.5f});
    private final Map<Long, LabelEvent> labels = Map.of(
            10L, event(10, 1, "alice", LabelSource.HUMAN),
            11L, event(11, 1, "bob", LabelSource.HUMAN),
            13L, event(13, 0, "oracle", LabelSource.ORACLE));

    @Test
    void everyWordMustAppearInAnyCaseAndTheSnippetStartsNearTheMatch() {
        var result = search.run(new SearchQuery("GREAT cast", false, SearchQuery.ANY_LABEL, null, null, false, false, false),
                labels, null, 10);

        assertThat(result.hits()).extracting(SearchHit::reviewId).containsExactly(10L, 12L);
        assertThat(result.matched()).isEqualTo(2);
        assertThat(result.hits().get(1).snippet()).isEqualTo("The cast is great but the script is dull.");
        assertThat(result.hits().get(0).predicted()).isEqualTo(-1);
    }

    @Test
    void aRegularExpressionAndTheLabelFiltersNarrowIt() {
        assertThat(ids(new SearchQuery("\\bdull\\b", true, SearchQuery.ANY_LABEL, null, null, false, false, false)))
                .containsExactly(11L, 12L);
        assertThat(ids(new SearchQuery("", false, SearchQuery.UNLABELED, null, null, false, false, false)))
                .containsExactly(12L, 14L);
        assertThat(ids(new SearchQuery("", false, 1, null, null, false, false, false))).containsExactly(10L, 11L);
        assertThat(ids(new SearchQuery("", false, SearchQuery.LABELED, "bob", null, false, false, false))).containsExactly(11L);
        assertThat(ids(new SearchQuery("", false, SearchQuery.ANY_LABEL, null, LabelSource.ORACLE, false, false, false)))
                .containsExactly(13L);
        assertThatThrownBy(() -> ids(new SearchQuery("(unclosed", true, SearchQuery.ANY_LABEL, null, null, false,
                false, false))).hasMessageContaining("Not a regular expression").hasMessageContaining("(unclosed");
    }

    @Test
    void theLikelyMistakesAreTheLabelsTheModelContradictsSurestFirstAndUncertainTextsComeFirstWhenAsked() {
        SearchQuery mistakes = new SearchQuery("", false, SearchQuery.ANY_LABEL, null, null, true, false, false);
        var result = search.run(mistakes, labels, predictions, 10);
        assertThat(result.hits()).extracting(SearchHit::reviewId).containsExactly(11L);
        assertThat(result.hits().get(0).confidence()).isEqualTo(0.9, org.assertj.core.data.Offset.offset(1e-6));

        SearchQuery unsure = new SearchQuery("", false, SearchQuery.UNLABELED, null, null, false, true, false);
        assertThat(search.run(unsure, labels, predictions, 10).hits()).extracting(SearchHit::reviewId)
                .containsExactly(14L, 12L);
        assertThatThrownBy(() -> search.run(mistakes, labels, null, 10)).hasMessageContaining("no model yet");
    }

    @Test
    void theNewestLabelsComeFirstWhenAsked() {
        Map<Long, LabelEvent> timed = Map.of(
                10L, new LabelEvent(1, 10, LabelAction.LABEL, 1, "alice", LabelSource.HUMAN, Instant.ofEpochSecond(100), null),
                11L, new LabelEvent(2, 11, LabelAction.LABEL, 0, "bob", LabelSource.HUMAN, Instant.ofEpochSecond(300), null),
                13L, new LabelEvent(3, 13, LabelAction.LABEL, 0, "alice", LabelSource.HUMAN, Instant.ofEpochSecond(200), null));
        var hits = search.run(new SearchQuery("", false, SearchQuery.LABELED, null, null, false, false, true), timed,
                null, 10).hits();
        assertThat(hits).extracting(SearchHit::reviewId).containsExactly(11L, 13L, 10L);
        assertThat(hits.get(0).labeledAt()).isEqualTo(Instant.ofEpochSecond(300));
    }

    @Test
    void theLimitCutsTheHitsButNotTheCount() {
        var result = search.run(SearchQuery.all(), labels, predictions, 2);
        assertThat(result.hits()).hasSize(2);
        assertThat(result.matched()).isEqualTo(5);
    }

    private List<Long> ids(SearchQuery query) {
        return search.run(query, labels, predictions, 100).hits().stream().map(SearchHit::reviewId).toList();
    }

    private static LabelEvent event(long reviewId, int label, String annotator, LabelSource source) {
        return new LabelEvent(reviewId, reviewId, LabelAction.LABEL, label, annotator, source, Instant.EPOCH, null);
    }
}
