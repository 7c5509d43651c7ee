package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.activelabeler.model.Predictions;
import org.activelabeler.app.Workspace;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.labeling.RoundRecord;
import org.activelabeler.twospeed.QueueOwner;
import org.activelabeler.ui.labeling.LabelingViewModel;
import org.activelabeler.ui.labeling.OpenedDataset;
import org.activelabeler.ui.labeling.QueueRow;
import org.activelabeler.ui.labeling.ReviewTexts;
import org.activelabeler.round.RoundOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The labeling view model without a screen: real H2, texts read on the calling thread. */
class LabelingViewModelTest {
    private static final int REVIEWS = 12;

    @TempDir
    Path dir;
    private Workspace workspace;
    private long datasetId;
    private long[] ids;

    @BeforeEach
    void importDataset() {
        workspace = Workspace.open(dir.resolve("db"));
        datasetId = UiFixture.importInto(workspace, UiFixture.writeCsv(dir.resolve("reviews.csv"), REVIEWS)).id();
        ids = UiFixture.open(workspace, datasetId).corpus().reviewIds();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private LabelingViewModel model(Long position) {
        return UiFixture.startLabeling(workspace, datasetId, position);
    }

    @Test
    void showsTheReviewAsReadableTextNotMarkup() {
        LabelingViewModel model = model(null);

        assertThat(model.currentProperty().get()).isEqualTo(ids[0]);
        assertThat(model.textProperty().get())
                .isEqualTo("I loved it.\n\nThe \u201Cending\u201D \u2013 wow\u2026 it\u2019s great");
        assertThat(model.titleProperty().get()).isEqualTo("Text #1 in the file");
        assertThat(model.modelViewProperty().get().reason()).contains("No model yet");
        assertThat(model.upcoming()).extracting(QueueRow::reviewId).startsWith(ids[1], ids[2]);
    }

    @Test
    void upNextRowsWhoseTextsWereNotReadYetShowThemOnceTheReaderHasThem() {
        java.util.List<Runnable> reads = new java.util.ArrayList<>();
        java.util.List<Runnable> onUiThread = new java.util.ArrayList<>();
        OpenedDataset opened = UiFixture.open(workspace, datasetId);
        ReviewTexts texts = new ReviewTexts(workspace.datasets(), reads::add, onUiThread::add);
        LabelingViewModel model = new LabelingViewModel(opened, opened.corpus().reviewIds(), workspace.labels(), texts,
                "alice");
        model.start(null);
        assertThat(model.upcoming()).isNotEmpty().allSatisfy(row -> assertThat(row.snippet()).isEmpty());

        reads.forEach(Runnable::run);
        assertThat(model.upcoming()).as("nothing changes off the UI thread").allSatisfy(row ->
                assertThat(row.snippet()).isEmpty());
        onUiThread.forEach(Runnable::run);
        assertThat(model.upcoming()).allSatisfy(row -> assertThat(row.snippet()).isNotEmpty());
    }

    @Test
    void anOpenedTextIsLabeledThenTheLineGoesOnAndALabeledOneGetsItsLabelChanged() {
        LabelingViewModel model = model(null);
        assertThat(model.open(ids[5])).isTrue();
        assertThat(model.currentProperty().get()).isEqualTo(ids[5]);
        model.label(1);
        assertThat(model.currentProperty().get()).as("back to the first in line").isEqualTo(ids[0]);

        model.open(ids[5]);
        assertThat(model.titleProperty().get()).isEqualTo("Text #6 in the file (labeled positive)");
        model.label(0);
        assertThat(workspace.labels().currentLabels(datasetId)).containsEntry(ids[5], 0).hasSize(1);
        assertThat(workspace.labels().events(datasetId)).extracting(e -> e.label()).containsExactly(1, 0);
        model.undo();
        assertThat(workspace.labels().currentLabels(datasetId)).as("the change is undone").containsEntry(ids[5], 1);
        assertThat(model.open(-1)).isFalse();
    }

    @Test
    void aLabelIsRemovedAsAnEventOfItsOwnAndUndoGivesItBack() {
        LabelingViewModel model = model(null);
        model.label(1);
        model.open(ids[0]);
        model.skip();
        assertThat(model.feedbackProperty().get()).contains("has a label");

        model.removeLabel();
        assertThat(workspace.labels().currentLabels(datasetId)).doesNotContainKey(ids[0]);
        assertThat(workspace.labels().currentEvents(datasetId)).doesNotContainKey(ids[0]);
        assertThat(model.labeledProperty().get()).isZero();
        assertThat(model.titleProperty().get()).isEqualTo("Text #1 in the file");
        assertThat(workspace.labels().events(datasetId)).extracting(e -> e.action())
                .containsExactly(org.activelabeler.labeling.LabelAction.LABEL, org.activelabeler.labeling.LabelAction.REMOVE);

        model.undo();
        assertThat(workspace.labels().currentLabels(datasetId)).containsEntry(ids[0], 1);
        assertThat(model.labeledProperty().get()).isEqualTo(1);
        assertThat(model.feedbackProperty().get()).isEqualTo("Undid the removal of the label of text #1.");
    }

    @Test
    void todaysPaceCountsThisAnnotatorsLabelsOfTodayAndTheOnesGivenHere() {
        workspace.labels().record(ids[0], org.activelabeler.labeling.LabelAction.LABEL, 1, "alice",
                org.activelabeler.labeling.LabelSource.HUMAN);
        workspace.labels().record(ids[1], org.activelabeler.labeling.LabelAction.LABEL, 0, "bob",
                org.activelabeler.labeling.LabelSource.HUMAN);
        LabelingViewModel model = model(null);
        model.startPace(workspace.labels().events(datasetId), java.time.Clock.systemDefaultZone());
        assertThat(model.paceProperty().get()).isEqualTo("Today: 1 label in 0 min");
        model.label(1);
        assertThat(model.paceProperty().get()).startsWith("Today: 2 labels in 0 min");
    }

    @Test
    void aLabelIsInTheDatabaseWhenTheCallReturnsAndTheNextReviewShows() {
        LabelingViewModel model = model(null);

        model.label(1);
        model.label(0);

        assertThat(workspace.labels().currentLabels(datasetId))
                .containsEntry(ids[0], 1).containsEntry(ids[1], 0).hasSize(2);
        assertThat(model.currentProperty().get()).isEqualTo(ids[2]);
        assertThat(model.labeledProperty().get()).isEqualTo(2);
        assertThat(model.countProperty(1).get()).isEqualTo(1);
        assertThat(model.countProperty(0).get()).isEqualTo(1);
        assertThat(model.thisSessionProperty().get()).isEqualTo(2);
        assertThat(model.upcoming()).extracting(QueueRow::reviewId).doesNotContain(ids[0], ids[1], ids[2]);
    }

    @Test
    void undoBringsBackTheLastReviewAndItsPreviousState() {
        LabelingViewModel model = model(null);
        model.label(1);
        model.skip();

        model.undo();

        assertThat(model.currentProperty().get()).isEqualTo(ids[1]);
        assertThat(workspace.labels().skipped(datasetId)).isEmpty();
        model.undo();
        assertThat(model.currentProperty().get()).isEqualTo(ids[0]);
        assertThat(workspace.labels().currentLabels(datasetId)).isEmpty();
        assertThat(model.labeledProperty().get()).isZero();
        assertThat(model.thisSessionProperty().get()).isZero();
        model.undo();
        assertThat(model.feedbackProperty().get()).isEqualTo("Nothing to undo.");
    }

    @Test
    void aSkippedReviewComesBackAfterTheRest() {
        LabelingViewModel model = model(null);
        model.skip();

        assertThat(model.currentProperty().get()).isEqualTo(ids[1]);
        assertThat(model.upcoming().get(model.upcoming().size() - 1).reviewId()).isEqualTo(ids[0]);
    }

    @Test
    void aNewQueueNeverReplacesTheReviewBeingRead() {
        LabelingViewModel model = model(null);
        model.label(1);
        long reading = model.currentProperty().get();

        model.applyRound(outcome(List.of(entry(ids[7], 1), entry(ids[5], 2), entry(reading, 3))));

        assertThat(model.currentProperty().get()).isEqualTo(reading);
        assertThat(model.upcoming()).extracting(QueueRow::reviewId).startsWith(ids[7], ids[5]);
        assertThat(model.upcoming().get(0).rank()).isEqualTo(1);
        assertThat(model.modelViewProperty().get().reason()).startsWith("Chosen by entropy: rank 3 of 3");

        model.label(0);
        assertThat(model.currentProperty().get()).isEqualTo(ids[7]);
        assertThat(model.modelViewProperty().get().topText()).isEqualTo("negative 0.70");
    }

    @Test
    void aTransformerRankingServesAheadOfTheFastQueueUntilItRunsOut() {
        LabelingViewModel model = model(null);
        model.label(1);
        long reading = model.currentProperty().get();
        model.applyRound(outcome(List.of(entry(ids[7], 1), entry(ids[5], 2))));

        model.serveTransformerRanking(QueueOwner.TRANSFORMER, new int[] {9, 0, 1, 3}, new double[] {0.9, 0.8, 0.7, 0.6},
                "bald", 1);

        assertThat(model.currentProperty().get()).isEqualTo(reading).isEqualTo(ids[1]);
        assertThat(model.queueOwnerProperty().get()).isEqualTo(QueueOwner.TRANSFORMER);
        assertThat(model.upcoming()).extracting(QueueRow::reviewId).startsWith(ids[9], ids[3], ids[7], ids[5]);
        assertThat(model.modelViewProperty().get().reason())
                .startsWith("Chosen by the transformer (bald): rank 2 of 3 in transformer round 1");
        model.label(0);
        assertThat(model.currentProperty().get()).isEqualTo(ids[9]);
        model.applyRound(outcome(List.of(entry(ids[5], 1), entry(ids[7], 2))));
        assertThat(model.upcoming()).as("a fast retrain keeps the transformer's queue").extracting(QueueRow::reviewId)
                .startsWith(ids[3], ids[5], ids[7]);
        model.label(0);
        model.label(0);

        assertThat(model.queueOwnerProperty().get()).as("its ranking ran out").isEqualTo(QueueOwner.FAST);
        assertThat(model.currentProperty().get()).isEqualTo(ids[5]);
    }

    @Test
    void theEnsemblesRankingSaysWhoChoseAndTheFastModelCanTakeTheQueueBack() {
        LabelingViewModel model = model(null);
        model.applyRound(outcome(List.of(entry(ids[7], 1))));

        model.serveTransformerRanking(QueueOwner.ENSEMBLE, new int[] {4, 0}, new double[] {0.69, 0.5}, "entropy", 2);

        assertThat(model.currentProperty().get()).isEqualTo(ids[0]);
        assertThat(model.queueOwnerProperty().get()).isEqualTo(QueueOwner.ENSEMBLE);
        assertThat(model.modelViewProperty().get().reason())
                .startsWith("Chosen by the fast model + transformer (entropy): rank 2 of 2 in transformer round 2");
        model.serveFastRanking();
        assertThat(model.currentProperty().get()).isEqualTo(ids[0]);
        assertThat(model.queueOwnerProperty().get()).isEqualTo(QueueOwner.FAST);
        assertThat(model.upcoming()).extracting(QueueRow::reviewId).startsWith(ids[7]);
    }

    @Test
    void reopeningShowsTheSameLabelsPositionAndQueue() {
        LabelingViewModel model = model(null);
        model.label(1);
        model.label(0);
        workspace.labels().replaceQueue(datasetId, List.of(entry(ids[9], 1), entry(ids[4], 2)));
        model.applyRound(outcome(List.of(entry(ids[9], 1), entry(ids[4], 2))));
        long reading = model.currentProperty().get();
        List<QueueRow> queue = List.copyOf(model.upcoming());

        LabelingViewModel reopened = model(reading);

        assertThat(reopened.currentProperty().get()).isEqualTo(reading);
        assertThat(reopened.labeledProperty().get()).isEqualTo(2);
        assertThat(reopened.upcoming()).extracting(QueueRow::reviewId)
                .containsExactlyElementsOf(queue.stream().map(QueueRow::reviewId).toList());
    }

    @Test
    void theOracleAnswersWithTheFileLabel() {
        LabelingViewModel model = model(null);

        assertThat(model.hasGold()).isTrue();
        assertThat(model.oracleStep()).isTrue();

        assertThat(workspace.labels().currentLabels(datasetId)).containsEntry(ids[0], 1);
    }

    @Test
    void theAskingOrderIsAFixedPermutation() {
        long[] order = LabelingViewModel.shuffled(ids, 13);

        assertThat(order).containsExactlyInAnyOrder(ids).isEqualTo(LabelingViewModel.shuffled(ids, 13))
                .isNotEqualTo(ids);
    }

    private static QueueEntry entry(long id, int rank) {
        return new QueueEntry(id, rank, 0.6, 0, 0.4, "entropy");
    }

    private RoundOutcome outcome(List<QueueEntry> queue) {
        RoundRecord round = new RoundRecord(1, datasetId, 1, "fake", "entropy", Double.NaN, 5, 1, java.time.Instant.now());
        float[] p = new float[ids.length];
        java.util.Arrays.fill(p, 0.3f);
        return new RoundOutcome(round, queue, Predictions.binary(p), 0.75, ids.length - 1);
    }
}
