package org.activelabeler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.DatasetImporter;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.DatasetOrigin;
import org.activelabeler.dataset.file.TextFiles;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelSource;
import org.activelabeler.labeling.NewLabel;
import org.activelabeler.labeling.NewRound;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.labeling.RoundRecord;
import org.activelabeler.labeling.RoundTurn;
import org.activelabeler.progress.Progress;
import org.activelabeler.store.StoreException;
import org.activelabeler.team.TeamSettings;
import org.activelabeler.testsupport.SyntheticReviews;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;
import org.activelabeler.tracking.OutboxEntry;
import org.activelabeler.tracking.RunEnd;
import org.activelabeler.tracking.RunRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every database under the stores must do, run against each: H2 in a file ({@code H2StoreTest}) and a
 * real PostgreSQL server ({@code PostgresStoreTest}). Each test closes and reopens the database where what
 * it wrote must last.
 */
abstract class StoreContract {
    @TempDir
    Path dir;
    private Database database;
    private Corpus first;
    private Corpus second;

    /** A new, empty database; called again after {@link #reopen} closes it, it opens the same one. */
    abstract Database open();

    @BeforeEach
    void importTwoDatasets() {
        database = open();
        first = importCsv("first.csv", 21);
        second = importCsv("second.csv", 22);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private void reopen() {
        database.close();
        database = open();
    }

    private JdbcDatasetStore datasets() {
        return new JdbcDatasetStore(database);
    }

    private JdbcLabelStore labels() {
        return new JdbcLabelStore(database);
    }

    private Corpus importCsv(String name, long seed) {
        Path file = SyntheticReviews.writeCsv(dir.resolve(name), new SyntheticReviews(seed).distinct(8));
        try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.bundled()) {
            long datasetId = new DatasetImporter(datasets(), tokenizer, new TextFiles())
                    .importFile(file, DatasetOrigin.EXPERIMENT, Progress.NONE).dataset().id();
            return datasets().loadCorpus(datasetId, Progress.NONE);
        }
    }

    @Test
    void datasetsKeepTheirTextsTokensAndLabelSet() {
        reopen();
        DatasetInfo info = datasets().find(first.dataset().id()).orElseThrow();
        assertThat(datasets().list()).extracting(DatasetInfo::id)
                .containsExactlyInAnyOrder(first.dataset().id(), second.dataset().id());
        assertThat(datasets().findByContent(info.contentSha256())).contains(info);
        assertThat(info.labels().names()).containsExactly("negative", "positive");
        Corpus loaded = datasets().loadCorpus(info.id(), Progress.NONE);
        assertThat(loaded.size()).isEqualTo(8);
        assertThat(loaded.tokenIds()[3]).containsExactly(first.tokenIds()[3]);
        List<String> texts = datasets().reviewTexts(info.id(), Progress.NONE);
        assertThat(datasets().reviewText(loaded.reviewIds()[2])).isEqualTo(texts.get(2)).isNotBlank();

        assertThat(datasets().markImported(info.id()).origin()).isEqualTo(DatasetOrigin.IMPORT);
        assertThat(datasets().addClass(info.id(), "mixed").labels().names())
                .containsExactly("negative", "positive", "mixed");
        reopen();
        assertThat(datasets().find(info.id()).orElseThrow().labels().size()).isEqualTo(3);
    }

    @Test
    void theIndexHasEveryReviewsIdAndGoldLabelInOrderWithoutTokenIds() {
        reopen();
        Corpus index = datasets().loadIndex(second.dataset().id(), Progress.NONE);
        assertThat(index.dataset()).isEqualTo(second.dataset());
        assertThat(index.reviewIds()).containsExactly(second.reviewIds());
        assertThat(index.gold()).containsExactly(second.gold()).contains(0, 1);
        assertThat(index.tokenIds()).isNull();
    }

    @Test
    void labelsSkipsRemovalsAndUndoAreKeptInOrder() {
        long datasetId = first.dataset().id();
        long[] ids = first.reviewIds();
        JdbcLabelStore store = labels();
        store.record(ids[0], LabelAction.LABEL, 1, "ann", LabelSource.HUMAN);
        store.record(ids[1], LabelAction.LABEL, 0, "ann", LabelSource.HUMAN);
        store.record(ids[1], LabelAction.LABEL, 1, "ben", LabelSource.HUMAN);
        store.record(ids[2], LabelAction.SKIP, LabelEvent.NO_LABEL, "ann", LabelSource.HUMAN);
        store.record(ids[3], LabelAction.LABEL, 0, "ann", LabelSource.HUMAN);
        store.record(ids[3], LabelAction.REMOVE, LabelEvent.NO_LABEL, "ann", LabelSource.HUMAN);
        store.recordLabels(List.of(new NewLabel(ids[4], 1, "oracle", LabelSource.ORACLE),
                new NewLabel(ids[5], 0, "oracle", LabelSource.ORACLE)));
        store.record(ids[6], LabelAction.LABEL, 1, "ann", LabelSource.HUMAN);
        long otherReview = second.reviewIds()[0];
        store.record(otherReview, LabelAction.LABEL, 0, "ann", LabelSource.HUMAN);
        store.record(second.reviewIds()[1], LabelAction.SKIP, LabelEvent.NO_LABEL, "ann", LabelSource.HUMAN);
        assertThat(store.undoLast(datasetId, "ann")).as("the last of this dataset, not the other's")
                .hasValueSatisfying(e -> assertThat(e.reviewId()).isEqualTo(ids[6]));
        reopen();

        JdbcLabelStore reopened = labels();
        assertThat(reopened.currentLabels(datasetId)).isEqualTo(Map.of(ids[0], 1, ids[1], 1, ids[4], 1, ids[5], 0));
        assertThat(reopened.currentLabels(datasetId, LabelSource.ORACLE)).isEqualTo(Map.of(ids[4], 1, ids[5], 0));
        assertThat(reopened.currentEvents(datasetId).get(ids[1]).annotator()).isEqualTo("ben");
        assertThat(reopened.skipped(datasetId)).containsExactly(ids[2]);
        List<LabelEvent> events = reopened.events(datasetId);
        assertThat(events).hasSize(9);
        assertThat(events.get(8).undoneAt()).isNotNull();
        assertThat(events).extracting(LabelEvent::seq).isSorted();
        assertThat(reopened.currentLabels(second.dataset().id())).isEqualTo(Map.of(otherReview, 0));
        assertThat(reopened.skipped(second.dataset().id())).containsExactly(second.reviewIds()[1]);
        assertThat(reopened.eventsAfter(second.dataset().id(), 0)).extracting(LabelEvent::reviewId)
                .containsExactly(otherReview, second.reviewIds()[1]);
        assertThatThrownBy(() -> reopened.record(ids[0], LabelAction.LABEL, 60, "ann", LabelSource.HUMAN))
                .isInstanceOf(StoreException.class);
        assertThat(reopened.events(datasetId)).as("a refused write leaves nothing").hasSize(9);
    }

    @Test
    void roundsAndQueuesComeBackAsSaved() {
        long datasetId = first.dataset().id();
        long[] ids = first.reviewIds();
        JdbcLabelStore store = labels();
        store.replaceQueue(datasetId, List.of(new QueueEntry(ids[7], 0, 0, 0, 0.5, "file order")));
        RoundRecord round = store.saveRound(datasetId, new NewRound(20, "ngram-logreg", "entropy", 0.81, 120, 30),
                List.of(new QueueEntry(ids[3], 0, 0.69, 1, 0.52, "entropy"),
                        new QueueEntry(ids[1], 1, 0.50, 0, 0.80, "entropy")));
        reopen();
        JdbcLabelStore reopened = labels();
        assertThat(reopened.rounds(datasetId)).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(round.id());
            assertThat(r.validationAccuracy()).isEqualTo(0.81);
            assertThat(r.trainMillis()).isEqualTo(120);
        });
        assertThat(reopened.queue(datasetId)).extracting(QueueEntry::reviewId).containsExactly(ids[3], ids[1]);
        assertThat(reopened.queue(datasetId).get(0).topProbability()).isEqualTo(0.52);
    }

    @Test
    void auditDrawsComeBackInTheOrderDrawnPerDataset() {
        long[] ids = first.reviewIds();
        long datasetId = first.dataset().id();
        JdbcLabelStore store = labels();
        assertThat(store.auditDraws(datasetId)).isEmpty();
        store.recordAuditDraws(datasetId, List.of(ids[5], ids[1]));
        store.recordAuditDraws(datasetId, List.of(ids[1], ids[6]));
        store.recordAuditDraws(datasetId, List.of());
        store.recordAuditDraws(second.dataset().id(), List.of(second.reviewIds()[0]));
        reopen();
        JdbcLabelStore reopened = labels();
        assertThat(reopened.auditDraws(datasetId)).as("a review drawn again stays where it was")
                .containsExactly(ids[5], ids[1], ids[6]);
        assertThat(reopened.auditDraws(second.dataset().id())).containsExactly(second.reviewIds()[0]);
    }

    @Test
    void trackingOutboxKeepsRecordsUntilRemoved() {
        JdbcTrackingOutbox outbox = new JdbcTrackingOutbox(database);
        RunRef run = new RunRef("imdb", "run-1");
        outbox.append(new RunEnd(run, RunEnd.FINISHED, 3), "http://127.0.0.1:5000");
        outbox.append(new RunEnd(run, RunEnd.FAILED, 4), null);
        reopen();
        JdbcTrackingOutbox reopened = new JdbcTrackingOutbox(database);
        List<OutboxEntry> entries = reopened.after(0, 10);
        assertThat(entries).extracting(OutboxEntry::event)
                .containsExactly(new RunEnd(run, RunEnd.FINISHED, 3), new RunEnd(run, RunEnd.FAILED, 4));
        reopened.recordFailure(entries.get(0).seq(), "refused");
        assertThat(reopened.retarget("http://127.0.0.1:5000", "http://127.0.0.1:5001")).isEqualTo(1);
        reopened.remove(entries.get(0).seq());
        assertThat(reopened.count()).isEqualTo(1);

        JdbcTrackingOutbox anotherClients = new JdbcTrackingOutbox(database, "other-host:/home/ben/labels");
        anotherClients.append(new RunEnd(run, RunEnd.FINISHED, 5), null);
        assertThat(anotherClients.after(0, 10)).as("only its own records").hasSize(1);
        assertThat(reopened.after(0, 10)).extracting(OutboxEntry::event).containsExactly(new RunEnd(run, RunEnd.FAILED, 4));
        assertThat(reopened.count()).isEqualTo(1);
    }

    @Test
    void deletingADatasetTakesItsLabelsRoundsAndClaimsWithIt() {
        long datasetId = first.dataset().id();
        long[] ids = first.reviewIds();
        labels().record(ids[0], LabelAction.LABEL, 1, "ann", LabelSource.HUMAN);
        labels().saveRound(datasetId, new NewRound(1, "m", "entropy", 0.5, 1, 1), List.of());
        new JdbcClaimStore(database).claim(datasetId, "ann", List.of(ids[1]), 1);
        datasets().delete(datasetId);
        reopen();
        assertThat(datasets().find(datasetId)).isEmpty();
        assertThat(labels().events(datasetId)).isEmpty();
        assertThat(labels().rounds(datasetId)).isEmpty();
        assertThat(datasets().find(second.dataset().id())).isPresent();
    }

    @Test
    void claimsServeEachReviewToOneAnnotatorAndTheOverlapToTwo() {
        long datasetId = first.dataset().id();
        long[] ids = first.reviewIds();
        List<Long> all = java.util.stream.LongStream.of(ids).boxed().toList();
        JdbcClaimStore claims = new JdbcClaimStore(database);
        assertThat(claims.settings(datasetId)).isEqualTo(TeamSettings.DEFAULT);
        claims.saveSettings(datasetId, new TeamSettings(0.0, Duration.ofMinutes(5)));

        List<Long> ann = claims.claim(datasetId, "ann", all, 3);
        assertThat(ann).containsExactly(ids[0], ids[1], ids[2]);
        assertThat(claims.claim(datasetId, "ann", all, 3)).as("renewed, the same").isEqualTo(ann);
        assertThat(claims.claimedByOthers(datasetId, "ben")).isEqualTo(Map.of(ids[0], 1, ids[1], 1, ids[2], 1));
        assertThat(claims.claimedByOthers(datasetId, "ann")).isEmpty();
        assertThat(claims.claim(datasetId, "ben", all, 3)).containsExactly(ids[3], ids[4], ids[5]);
        labels().record(ids[0], LabelAction.LABEL, 1, "ann", LabelSource.HUMAN);
        claims.release(datasetId, "ann", List.of(ids[1]));
        assertThat(claims.claim(datasetId, "cat", all, 3)).as("ann's label holds ids[0]; ids[1] was given back")
                .containsExactly(ids[1], ids[6], ids[7]);
        assertThat(claims.claim(datasetId, "dan", all, 3)).isEmpty();

        claims.saveSettings(datasetId, new TeamSettings(1.0, Duration.ofMinutes(5)));
        reopen();
        JdbcClaimStore everyReviewTwice = new JdbcClaimStore(database);
        assertThat(everyReviewTwice.claim(datasetId, "dan", all, 8)).as("each review has room for a second labeler")
                .hasSize(8);
        assertThat(everyReviewTwice.claim(datasetId, "eve", all, 8)).as("ann and dan on ids[0], a claim on the rest")
                .isEmpty();
        assertThat(everyReviewTwice.claim(datasetId, "ann", all, 8)).as("ann labeled ids[0] already")
                .doesNotContain(ids[0]).contains(ids[2]);
    }

    @Test
    void aRemovedLabelLeavesItsTextToOthers() {
        long datasetId = first.dataset().id();
        List<Long> one = List.of(first.reviewIds()[0]);
        JdbcClaimStore claims = new JdbcClaimStore(database);
        claims.saveSettings(datasetId, new TeamSettings(0.0, Duration.ofMinutes(5)));
        labels().record(one.get(0), LabelAction.LABEL, 1, "ann", LabelSource.HUMAN);
        assertThat(claims.claim(datasetId, "ben", one, 1)).as("ann's label").isEmpty();
        labels().record(one.get(0), LabelAction.REMOVE, LabelEvent.NO_LABEL, "ann", LabelSource.HUMAN);
        assertThat(claims.claim(datasetId, "ben", one, 1)).as("ann took it away").isEqualTo(one);
    }

    @Test
    void anExpiredClaimGoesToWhoeverAsksNext() throws InterruptedException {
        long datasetId = first.dataset().id();
        List<Long> one = List.of(first.reviewIds()[0]);
        JdbcClaimStore claims = new JdbcClaimStore(database);
        claims.saveSettings(datasetId, new TeamSettings(0.0, Duration.ofSeconds(1)));
        assertThat(claims.claim(datasetId, "ann", one, 1)).isEqualTo(one);
        assertThat(claims.claim(datasetId, "ben", one, 1)).isEmpty();
        Thread.sleep(1_100);
        assertThat(claims.claim(datasetId, "ben", one, 1)).isEqualTo(one);
    }

    @Test
    void oneRetrainAtATimePerDataset() {
        long datasetId = first.dataset().id();
        JdbcLabelStore store = labels();
        Optional<RoundTurn> turn = store.tryStartRound(datasetId);
        assertThat(turn).isPresent();
        assertThat(store.tryStartRound(datasetId)).as("taken").isEmpty();
        try (RoundTurn other = store.tryStartRound(second.dataset().id()).orElseThrow()) {
            assertThat(other).as("another dataset has its own turn").isNotNull();
        }
        turn.get().close();
        store.tryStartRound(datasetId).orElseThrow().close();
    }

    Database database() {
        return database;
    }

    long firstDatasetId() {
        return first.dataset().id();
    }
}
