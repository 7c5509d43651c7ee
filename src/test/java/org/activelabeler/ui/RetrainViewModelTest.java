package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activelabeler.app.Workspace;
import org.activelabeler.progress.Progress;
import org.activelabeler.ui.chart.CurvePoint;
import org.activelabeler.ui.chart.LearningCurveViewModel;
import org.activelabeler.ui.labeling.LabelingViewModel;
import org.activelabeler.ui.labeling.OpenedDataset;
import org.activelabeler.ui.labeling.QueueRow;
import org.activelabeler.ui.labeling.ReviewTexts;
import org.activelabeler.round.FastRounds;
import org.activelabeler.round.RoundTracking;
import org.activelabeler.ui.retrain.RetrainViewModel;
import org.activelabeler.round.RoundOutcome;
import org.activelabeler.ui.rounds.RoundsViewModel;
import org.activelabeler.ui.task.CallingThreadExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retrains after each batch, deterministic: the executor runs on the calling thread, the model is a fake. */
class RetrainViewModelTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private long datasetId;
    private final FakeClassifier classifier = new FakeClassifier();
    private final List<RoundOutcome> rounds = new ArrayList<>();
    private LabelingViewModel labeling;
    private RetrainViewModel retrain;
    private FastRounds trainer;
    private CallingThreadExecutor executor;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir.resolve("db"));
        datasetId = UiFixture.importInto(workspace, UiFixture.writeCsv(dir.resolve("reviews.csv"), 40)).id();
        OpenedDataset opened = UiFixture.open(workspace, datasetId);
        labeling = new LabelingViewModel(opened, opened.corpus().reviewIds(), workspace.labels(), new ReviewTexts(workspace.datasets(), Runnable::run),
                "alice");
        labeling.start(null);
        trainer = new FastRounds(opened.corpus(), workspace.labels(), features -> classifier, "test-tokenizer", 10, 13);
        executor = new CallingThreadExecutor();
        retrain = new RetrainViewModel(executor, trainer, labeling.labeledProperty(), labeling::classesLabeled, 0);
        retrain.batchSizeProperty().set(4);
        retrain.onRound(rounds::add);
        retrain.onRound(labeling::applyRound);
        retrain.prepare();
    }

    @AfterEach
    void close() {
        trainer.close();
        workspace.close();
    }

    @Test
    void aReopenedDatasetShowsTheModelsViewAgainWithoutANewRound() {
        for (int i = 0; i < 4; i++) {
            labeling.label(i % 2);
        }
        assertThat(rounds).hasSize(1);
        OpenedDataset reopened = UiFixture.open(workspace, datasetId);
        LabelingViewModel again = new LabelingViewModel(reopened, reopened.corpus().reviewIds(), workspace.labels(),
                new ReviewTexts(workspace.datasets(), Runnable::run), "alice");
        again.start(null);
        assertThat(again.modelViewProperty().get().probabilities()).as("no model in a new process").isNull();
        FakeClassifier refitted = new FakeClassifier();
        refitted.fits = 1; // a refit that scores otherwise than the stored round's model did
        try (FastRounds second = new FastRounds(reopened.corpus(), workspace.labels(), features -> refitted,
                "test-tokenizer", 10, 13)) {
            RetrainViewModel reopenedRetrain = new RetrainViewModel(executor, second, again.labeledProperty(),
                    again::classesLabeled, 4);
            reopenedRetrain.onRefit(again::applyRefit);

            reopenedRetrain.prepare();

            assertThat(refitted.fits).isEqualTo(2);
            assertThat(again.modelViewProperty().get().probabilities()).isNotNull();
            assertThat(workspace.labels().rounds(datasetId)).as("a refit is not a round").hasSize(1);
            assertThat(again.upcoming()).extracting(QueueRow::rank).as("the last round's queue still serves")
                    .startsWith(2, 3);
            java.util.Map<Long, Integer> rowOf = reopened.rowOf();
            for (QueueRow row : again.upcoming()) {
                var p = again.predictions();
                int top = p.top(rowOf.get(row.reviewId()));
                assertThat(row.topProbability()).as("Up next shows what the model's view shows: the refit's")
                        .isEqualTo(p.get(rowOf.get(row.reviewId()), top));
            }
            long stored = workspace.labels().queue(datasetId).stream().filter(e -> again.upcoming().stream()
                    .anyMatch(r -> r.reviewId() == e.reviewId() && r.topProbability() != e.topProbability())).count();
            assertThat(stored).as("the stored round's probabilities differ from the refit's").isPositive();
        }
    }

    @Test
    void aBatchSizeFromTheSettingsIsKeptWithinWhatTheToolbarOffers() {
        assertThat(RetrainViewModel.batchWithinRange(100_000)).isEqualTo(RetrainViewModel.MAX_BATCH);
        assertThat(RetrainViewModel.batchWithinRange(0)).isEqualTo(RetrainViewModel.MIN_BATCH);
        assertThat(RetrainViewModel.batchWithinRange(50)).isEqualTo(50);
    }

    @Test
    void onTheDatasetsIndexTheFeaturesAreLearnedFromTheStoredTokenIds() {
        var index = workspace.datasets().loadIndex(datasetId, Progress.NONE);
        try (FastRounds fromIndex = new FastRounds(index, workspace.datasets(), workspace.labels(),
                features -> new FakeClassifier(), "test-tokenizer", 10, 13,
                RoundTracking.NONE)) {
            fromIndex.prepare(Progress.NONE);
            var rows = fromIndex.features().rows();
            var expected = trainer.features().rows();
            assertThat(rows.rowCount()).isEqualTo(40);
            assertThat(rows.toString()).isEqualTo(expected.toString());
            for (int row = 0; row < rows.rowCount(); row++) {
                for (int at = rows.rowStart(row); at < rows.rowEnd(row); at++) {
                    assertThat(rows.column(at)).isEqualTo(expected.column(at));
                    assertThat(rows.value(at)).isEqualTo(expected.value(at));
                }
            }
        }
        assertThat(index.tokenIds()).as("the index stays without token ids").isNull();
    }

    @Test
    void aFullBatchRetrainsAndTheQueueFollowsTheNewScores() {
        labeling.label(1);
        labeling.label(0);
        labeling.label(1);
        assertThat(rounds).isEmpty();
        assertThat(retrain.sinceRoundProperty().get()).isEqualTo(3);
        long reading = labeling.currentProperty().get();

        labeling.label(0);

        assertThat(rounds).hasSize(1);
        assertThat(classifier.fits).isEqualTo(1);
        assertThat(retrain.sinceRoundProperty().get()).isZero();
        assertThat(retrain.roundLabelsProperty().get()).isEqualTo(4);
        assertThat(workspace.labels().rounds(datasetId)).hasSize(1);
        assertThat(workspace.labels().queue(datasetId)).hasSize(10);
        assertThat(rounds.get(0).holdoutSize()).isEqualTo(36);
        assertThat(rounds.get(0).holdoutAccuracy()).isBetween(0.0, 1.0);
        // the review read while the batch filled was the fourth one labeled: the queue's best comes next
        assertThat(labeling.currentProperty().get()).isNotEqualTo(reading)
                .isEqualTo(rounds.get(0).queue().get(0).reviewId());
        assertThat(labeling.upcoming()).extracting(QueueRow::reviewId)
                .startsWith(rounds.get(0).queue().get(1).reviewId(), rounds.get(0).queue().get(2).reviewId());
        assertThat(labeling.modelViewProperty().get().reason()).startsWith("Chosen by entropy: rank 1 of 10");
        assertThat(executor.status().runningProperty().get()).isFalse();
    }

    @Test
    void eachBatchGivesANewRoundAndAPointOnTheCurve() {
        LearningCurveViewModel curve = new LearningCurveViewModel(true, List.of(), Map.of());
        RoundsViewModel roundRows = new RoundsViewModel(true, List.of(), Map.of());
        retrain.onRound(curve::add);
        retrain.onRound(roundRows::add);

        for (int i = 0; i < 8; i++) {
            labeling.label(i % 2 == 0 ? 1 : 0);
        }

        assertThat(curve.points()).extracting(CurvePoint::labels).containsExactly(4, 8);
        assertThat(roundRows.rows()).extracting(r -> r.number()).containsExactly(2, 1);
        assertThat(roundRows.rows().get(0).mlflowLink()).isNull();
    }

    @Test
    void labelsOfTextsDrawnAtRandomAreJudgedByTheModelBeforeThemAndFillTheCurveWithoutFileLabels() {
        labeling.mixInFastAuditDraws(0.25, 13);
        List<Long> draws = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        List<Integer> given = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long id = labeling.currentProperty().get();
            boolean draw = labeling.modelViewProperty().get().reason().startsWith("Drawn at random for the audit");
            int label = i % 3 == 0 ? 0 : 1;
            if (draw && !rounds.isEmpty()) {
                draws.add(id);
                predicted.add(rounds.get(rounds.size() - 1).predictions().top(row(id)));
                given.add(label);
            }
            labeling.label(label);
        }

        assertThat(rounds).hasSize(3);
        assertThat(workspace.labels().auditDraws(datasetId)).as("recorded when queued").containsAll(draws);
        assertThat(draws).as("the draws after the first retrain").hasSize(2);
        var audit = rounds.get(2).stopping().audit();
        long correct = java.util.stream.IntStream.range(0, draws.size())
                .filter(i -> predicted.get(i).equals(given.get(i))).count();
        assertThat(audit.labels()).isEqualTo(2);
        assertThat(audit.accuracy()).isEqualTo(correct / 2.0);
        assertThat(rounds.get(0).stopping().audit().labels()).as("no model before the first draw").isZero();
        RoundOutcome withoutFileLabels = new RoundOutcome(rounds.get(2).round(), rounds.get(2).queue(),
                rounds.get(2).predictions(), Double.NaN, 0, null, rounds.get(2).stopping(), null);
        assertThat(withoutFileLabels.curveAccuracy()).isEqualTo(audit.accuracy());
        assertThat(rounds.get(2).stopping().advice()).contains("audit accuracy");
    }

    private int row(long reviewId) {
        long[] ids = UiFixture.open(workspace, datasetId).corpus().reviewIds();
        return java.util.stream.IntStream.range(0, ids.length).filter(i -> ids[i] == reviewId).findFirst().orElseThrow();
    }

    @Test
    void noRetrainBeforeBothClassesHaveALabel() {
        for (int i = 0; i < 5; i++) {
            labeling.label(1);
        }
        retrain.retrainNow();

        assertThat(rounds).isEmpty();
        assertThat(retrain.messageProperty().get()).contains("at least two classes");
    }

    @Test
    void retrainNowWorksBeforeTheBatchIsFull() {
        labeling.label(1);
        labeling.label(0);

        retrain.retrainNow();

        assertThat(rounds).hasSize(1);
        assertThat(rounds.get(0).round().labels()).isEqualTo(2);
        assertThat(retrain.sinceRoundProperty().get()).isZero();
    }

    @Test
    void aChangedStrategyIsUsedByTheNextRound() {
        retrain.strategyProperty().set("margin");
        labeling.label(1);
        labeling.label(0);

        retrain.retrainNow();

        assertThat(rounds.get(0).round().strategy()).isEqualTo("margin");
        assertThat(rounds.get(0).queue()).allMatch(e -> e.strategy().equals("margin"));
    }
}
