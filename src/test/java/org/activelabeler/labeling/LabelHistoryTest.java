package org.activelabeler.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelHistoryTest {
    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

    private static LabelEvent event(long seq, long review, LabelAction action, int label, String who, boolean undone) {
        return new LabelEvent(seq, review, action, label, who, LabelSource.HUMAN, T.plusSeconds(seq),
                undone ? T.plusSeconds(100 + seq) : null);
    }

    private final List<LabelEvent> events = List.of(
            event(1, 10, LabelAction.LABEL, 0, "alice", false),
            event(2, 11, LabelAction.LABEL, 1, "bob", false),
            event(3, 10, LabelAction.LABEL, 1, "Bob", false),
            event(4, 12, LabelAction.SKIP, LabelEvent.NO_LABEL, "alice", false),
            event(5, 11, LabelAction.REMOVE, LabelEvent.NO_LABEL, "alice", false),
            event(6, 12, LabelAction.LABEL, 0, "alice", true));

    @Test
    void everyEventNewestFirstWithWhatBecameOfIt() {
        LabelHistory.Page page = LabelHistory.newestFirst(events, LabelHistory.Filter.ALL, 100);

        assertThat(page.entries()).extracting(e -> e.event().seq()).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(page.entries()).extracting(LabelHistory.Entry::status).containsExactly(
                LabelHistory.Status.UNDONE, LabelHistory.Status.CURRENT, LabelHistory.Status.CURRENT,
                LabelHistory.Status.CURRENT, LabelHistory.Status.REPLACED, LabelHistory.Status.REPLACED);
        assertThat(page.matched()).isEqualTo(6);
        assertThat(page.total()).isEqualTo(6);
    }

    @Test
    void theFiltersNarrowItAndTheLimitCutsTheListNotTheCount() {
        LabelHistory.Page bobs = LabelHistory.newestFirst(events, new LabelHistory.Filter("bob ", null, -1, true), 1);
        assertThat(bobs.entries()).extracting(e -> e.event().seq()).containsExactly(3L);
        assertThat(bobs.matched()).as("annotator names match whatever their case").isEqualTo(2);

        LabelHistory.Page class0 = LabelHistory.newestFirst(events, new LabelHistory.Filter(null, null, 0, false), 10);
        assertThat(class0.entries()).extracting(e -> e.event().seq()).containsExactly(1L);

        LabelHistory.Page removals = LabelHistory.newestFirst(events,
                new LabelHistory.Filter(null, LabelAction.REMOVE, -1, true), 10);
        assertThat(removals.entries()).extracting(e -> e.event().reviewId()).containsExactly(11L);
    }
}
