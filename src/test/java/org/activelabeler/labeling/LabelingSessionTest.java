package org.activelabeler.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.progress.Progress;
import org.activelabeler.store.h2.H2Database;
import org.activelabeler.store.jdbc.JdbcDatasetStore;
import org.activelabeler.store.jdbc.JdbcLabelStore;
import org.activelabeler.testsupport.ImportedCsv;
import org.activelabeler.testsupport.SyntheticReviews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelingSessionTest {
    private static final int REVIEWS = 8;

    @TempDir
    Path dir;
    private H2Database database;
    private LabelStore store;
    private Corpus corpus;
    private long[] ids;

    @BeforeEach
    void importDataset() {
        database = H2Database.open(dir.resolve("db"));
        Path file = SyntheticReviews.writeCsv(dir.resolve("reviews.csv"), new SyntheticReviews(21).distinct(REVIEWS));
        JdbcDatasetStore datasets = new JdbcDatasetStore(database);
        corpus = datasets.loadCorpus(ImportedCsv.into(datasets, file), Progress.NONE);
        ids = corpus.reviewIds();
        store = new JdbcLabelStore(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private LabelingSession session(String annotator) {
        return new LabelingSession(corpus, store, annotator);
    }

    private List<Long> allIds() {
        return LongStream.of(ids).boxed().toList();
    }

    @Test
    void labelsAreCommittedAndSurviveClosingAndReopening() {
        LabelingSession alice = session("alice");
        alice.label(ids[0], 1);
        alice.label(ids[3], 0);
        database.close();

        database = H2Database.open(dir.resolve("db"));
        LabelStore reopened = new JdbcLabelStore(database);

        assertThat(reopened.currentLabels(corpus.dataset().id()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(ids[0], 1, ids[3], 0));
        assertThat(new LabelingSession(corpus, reopened, "alice").undo()).get()
                .extracting(LabelEvent::reviewId).isEqualTo(ids[3]);
    }

    @Test
    void labelReturnsTheStoredEvent() {
        LabelEvent event = session("  alice ").label(ids[2], 0);

        assertThat(event.reviewId()).isEqualTo(ids[2]);
        assertThat(event.action()).isEqualTo(LabelAction.LABEL);
        assertThat(event.label()).isEqualTo(0);
        assertThat(event.annotator()).isEqualTo("alice");
        assertThatThrownBy(() -> session(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void undoTakesBackOnlyThisAnnotatorsNewestEvents() {
        LabelingSession alice = session("alice");
        LabelingSession bob = session("bob");
        alice.label(ids[0], 1);
        bob.label(ids[1], 0);
        alice.label(ids[2], 0);
        bob.label(ids[3], 1);

        assertThat(alice.undo()).get().satisfies(e -> {
            assertThat(e.reviewId()).isEqualTo(ids[2]);
            assertThat(e.annotator()).isEqualTo("alice");
        });
        assertThat(alice.labels()).containsOnlyKeys(ids[0], ids[1], ids[3]);

        assertThat(alice.undo()).get().extracting(LabelEvent::reviewId).isEqualTo(ids[0]);
        assertThat(alice.labels()).containsExactlyInAnyOrderEntriesOf(
                Map.of(ids[1], 0, ids[3], 1));

        assertThat(alice.undo()).isEmpty();
        assertThat(bob.labels()).containsOnlyKeys(ids[1], ids[3]);
    }

    @Test
    void undoWithNothingToUndoIsEmpty() {
        assertThat(session("carol").undo()).isEmpty();
        assertThat(session("carol").labels()).isEmpty();
    }

    @Test
    void relabelingChangesTheLabelAndUndoRestoresThePreviousOne() {
        LabelingSession alice = session("alice");
        alice.label(ids[4], 1);
        alice.label(ids[4], 0);

        assertThat(alice.labels()).containsExactly(Map.entry(ids[4], 0));

        alice.undo();
        assertThat(alice.labels()).containsExactly(Map.entry(ids[4], 1));
        alice.undo();
        assertThat(alice.labels()).isEmpty();
    }

    @Test
    void skipMovesAReviewToTheEndAndUndoBringsItBack() {
        LabelingSession alice = session("alice");
        assertThat(alice.upcoming(REVIEWS)).containsExactlyElementsOf(allIds());

        LabelEvent skip = alice.skip(ids[0]);

        assertThat(skip.action()).isEqualTo(LabelAction.SKIP);
        assertThat(skip.label()).isEqualTo(LabelEvent.NO_LABEL);
        List<Long> expected = new ArrayList<>(allIds().subList(1, REVIEWS));
        expected.add(ids[0]);
        assertThat(alice.upcoming(REVIEWS)).containsExactlyElementsOf(expected);
        assertThat(alice.next()).contains(ids[1]);
        assertThat(alice.labels()).isEmpty();

        alice.undo();
        assertThat(alice.upcoming(REVIEWS)).containsExactlyElementsOf(allIds());
    }

    @Test
    void upcomingFollowsTheStoredQueueAndLeavesOutLabeledReviews() {
        LabelingSession alice = session("alice");
        store.replaceQueue(corpus.dataset().id(), List.of(
                new QueueEntry(ids[5], 1, 0.69, 0, 0.5, "entropy"),
                new QueueEntry(ids[2], 2, 0.6, 0, 0.3, "entropy"),
                new QueueEntry(ids[6], 3, 0.5, 0, 0.2, "entropy")));

        assertThat(alice.upcoming(REVIEWS)).containsExactly(ids[5], ids[2], ids[6], ids[0], ids[1], ids[3], ids[4],
                ids[7]);
        assertThat(alice.upcoming(4)).containsExactly(ids[5], ids[2], ids[6], ids[0]);
        assertThat(alice.queue()).extracting(QueueEntry::reviewId).containsExactly(ids[5], ids[2], ids[6]);

        alice.label(ids[5], 1);
        session("bob").label(ids[0], 0);

        assertThat(alice.upcoming(REVIEWS)).containsExactly(ids[2], ids[6], ids[1], ids[3], ids[4], ids[7]);
        assertThat(alice.next()).contains(ids[2]);

        store.replaceQueue(corpus.dataset().id(), List.of(new QueueEntry(ids[7], 1, 0.7, 0, 0.5, "margin")));
        assertThat(alice.upcoming(3)).containsExactly(ids[7], ids[1], ids[2]);
    }

    @Test
    void nextIsEmptyWhenEverythingIsLabeled() {
        LabelingSession alice = session("alice");
        for (long id : ids) {
            alice.label(id, 1);
        }

        assertThat(alice.upcoming(REVIEWS)).isEmpty();
        assertThat(alice.next()).isEmpty();
    }

    @Test
    void roundsAreStoredAndListedOldestFirst() {
        LabelingSession alice = session("alice");
        RoundRecord first = store.saveRound(corpus.dataset().id(),
                new NewRound(10, "ngram-logistic", "entropy", Double.NaN, 120, 7), List.of());
        RoundRecord second = store.saveRound(corpus.dataset().id(),
                new NewRound(20, "ngram-logistic", "margin", 0.85, 150, 9),
                List.of(new QueueEntry(ids[1], 1, 0.9, 0, 0.45, "margin")));

        List<RoundRecord> rounds = alice.rounds();

        assertThat(rounds).extracting(RoundRecord::id).containsExactly(first.id(), second.id());
        assertThat(rounds.get(0).labels()).isEqualTo(10);
        assertThat(rounds.get(0).strategy()).isEqualTo("entropy");
        assertThat(rounds.get(0).validationAccuracy()).isNaN();
        assertThat(rounds.get(1).labels()).isEqualTo(20);
        assertThat(rounds.get(1).model()).isEqualTo("ngram-logistic");
        assertThat(rounds.get(1).strategy()).isEqualTo("margin");
        assertThat(rounds.get(1).validationAccuracy()).isEqualTo(0.85);
        assertThat(rounds.get(1).trainMillis()).isEqualTo(150);
        assertThat(rounds.get(1).scoreMillis()).isEqualTo(9);
        assertThat(rounds).allMatch(r -> r.datasetId() == corpus.dataset().id());
        assertThat(alice.queue()).containsExactly(new QueueEntry(ids[1], 1, 0.9, 0, 0.45, "margin"));
    }
}
