package org.activelabeler.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.util.Duration;
import org.activelabeler.labeling.RoundRecord;
import org.junit.jupiter.api.Test;

/** Rounds another client ran come to the window once each; the window's own and those it opened with never. */
class TeamRoundWatchTest {

    private static RoundRecord round(long id, int labels) {
        return new RoundRecord(id, 1, labels, "ngram-logreg", "entropy", 0.8, 10, 5, Instant.EPOCH);
    }

    @Test
    void handsOverEachRoundOfAnotherClientOnce() {
        List<RoundRecord> stored = new ArrayList<>(List.of(round(1, 20)));
        List<RoundRecord> arrived = new ArrayList<>();
        TeamRoundWatch watch = new TeamRoundWatch(() -> List.copyOf(stored), List.of(round(1, 20)), Runnable::run,
                Runnable::run, arrived::add, Duration.seconds(10));
        watch.look();
        assertThat(arrived).isEmpty();

        stored.add(round(2, 70));
        stored.add(round(3, 120));
        watch.known(3);
        watch.look();
        watch.look();
        assertThat(arrived).extracting(RoundRecord::id).as("round 3 was this window's").containsExactly(2L);
    }
}
