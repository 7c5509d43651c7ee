package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.activelabeler.model.Predictions;
import org.activelabeler.app.Workspace;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.labeling.RoundRecord;
import org.activelabeler.twospeed.QueueOwner;
import org.activelabeler.ui.labeling.LabelingViewModel;
import org.activelabeler.ui.labeling.QueueRow;
import org.activelabeler.ui.labeling.ReviewTexts;
import org.activelabeler.round.RoundOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-speed loop's audit draws in the labeling view model: real H2, texts read on the calling thread. */
class LabelingAuditDrawsTest {
    private static final int REVIEWS = 120;
    private static final String AUDIT = "Drawn at random for the audit";

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

    /** A model that starts with the fast model's ranking, as if a retrain had just finished. */
    private LabelingViewModel rankedModel() {
        LabelingViewModel model = new LabelingViewModel(UiFixture.open(workspace, datasetId), ids, workspace.labels(),
                new ReviewTexts(workspace.datasets(), Runnable::run), "alice");
        model.applyRound(fastRound());
        model.start(null);
        return model;
    }

    @Test
    void theFastModelAloneServesItsRankingWithNoDraws() {
        LabelingViewModel model = rankedModel();

        List<Long> asked = labelAll(model, 30, List.of());

        assertThat(asked).containsExactlyElementsOf(fastRanking().subList(0, 30));
        assertThat(model.upcoming()).noneMatch(QueueRow::drawnAtRandom);
        assertThat(workspace.labels().auditDraws(datasetId)).isEmpty();
    }

    @Test
    void everyTenthReviewIsDrawnAtRandomWhicheverModelRanksAndTheDrawsAreStored() {
        LabelingViewModel model = rankedModel();
        model.mixInAuditDraws(0.1, 13);

        assertThat(model.upcoming()).as("slots 10, 20 and 30 of the queue")
                .extracting(QueueRow::drawnAtRandom).containsExactlyElementsOf(
                        IntStream.range(1, 31).mapToObj(slot -> (slot + 1) % 10 == 0).toList());
        List<Long> draws = new ArrayList<>();
        List<Long> ranked = labelAll(model, 30, draws);
        assertThat(draws).hasSize(3).doesNotHaveDuplicates().doesNotContainAnyElementsOf(ranked);
        assertThat(ranked).containsExactlyElementsOf(fastRanking().stream().filter(id -> !draws.contains(id))
                .limit(27).toList());

        long reading = model.currentProperty().get();
        int[] transformerRows = IntStream.range(0, 60).toArray();
        model.serveTransformerRanking(QueueOwner.TRANSFORMER, transformerRows, new double[60], "entropy", 1);
        List<Long> moreDraws = new ArrayList<>();
        List<Long> moreRanked = labelAll(model, 20, moreDraws);
        List<Long> pending = model.upcoming().stream().filter(QueueRow::drawnAtRandom).map(QueueRow::reviewId)
                .toList();
        assertThat(moreDraws).hasSize(2).doesNotContainAnyElementsOf(draws);
        assertThat(moreRanked.get(0)).as("the review on screen stays").isEqualTo(reading);
        assertThat(moreRanked.subList(1, 18)).containsExactlyElementsOf(Arrays.stream(transformerRows)
                .mapToObj(row -> ids[row]).filter(id -> Stream.of(ranked, draws, moreDraws, pending)
                        .noneMatch(taken -> taken.contains(id)))
                .limit(17).toList());
        assertThat(workspace.labels().auditDraws(datasetId)).as("recorded when put in the queue, in that order")
                .containsExactlyElementsOf(Stream.of(draws, moreDraws, pending).flatMap(List::stream).toList());
    }

    @Test
    void theFastModelsAuditShareServesAloneAndTheTwoSpeedShareTakesOverWhileItRuns() {
        LabelingViewModel model = rankedModel();
        model.mixInFastAuditDraws(0.1, 13);
        assertThat(slotsDrawn(model)).as("every 10th").containsExactly(10, 20, 30);

        model.mixInAuditDraws(0.25, 13);
        assertThat(slotsDrawn(model)).as("the two-speed loop's share").containsExactly(4, 8, 12, 16, 20, 24, 28);

        model.stopAuditDraws();
        assertThat(slotsDrawn(model)).as("back to the fast model's share").containsExactly(10, 20, 30);

        model.mixInFastAuditDraws(0, 13);
        assertThat(slotsDrawn(model)).isEmpty();
    }

    /** Which reviews asked from now on are draws, counting the one on screen as the first. */
    private static List<Integer> slotsDrawn(LabelingViewModel model) {
        List<QueueRow> rows = model.upcoming();
        return IntStream.range(0, rows.size()).filter(i -> rows.get(i).drawnAtRandom()).map(i -> i + 2).boxed().toList();
    }

    @Test
    void anUndoneDrawIsAskedAgainAsOneAndTheDrawsSurviveAReopen() {
        LabelingViewModel model = model(null);
        model.mixInAuditDraws(0.1, 13);
        labelAll(model, 9, new ArrayList<>());
        long draw = model.currentProperty().get();
        assertThat(model.modelViewProperty().get().reason()).startsWith(AUDIT);

        model.label(0);
        model.undo();

        assertThat(model.currentProperty().get()).isEqualTo(draw);
        assertThat(model.modelViewProperty().get().reason()).startsWith(AUDIT);
        List<Long> queue = model.upcoming().stream().map(QueueRow::reviewId).toList();
        List<Boolean> drawnAtRandom = model.upcoming().stream().map(QueueRow::drawnAtRandom).toList();

        LabelingViewModel reopened = model(draw);
        assertThat(reopened.modelViewProperty().get().reason()).as("the fast model alone until chosen again")
                .doesNotStartWith(AUDIT);
        reopened.mixInAuditDraws(0.1, 13);
        assertThat(reopened.currentProperty().get()).isEqualTo(draw);
        assertThat(reopened.modelViewProperty().get().reason()).startsWith(AUDIT);
        assertThat(reopened.upcoming()).extracting(QueueRow::reviewId).containsExactlyElementsOf(queue);
        assertThat(reopened.upcoming()).extracting(QueueRow::drawnAtRandom).containsExactlyElementsOf(drawnAtRandom)
                .contains(true);
    }

    /** Labels {@code count} reviews as asked; those asked as audit draws go to {@code draws}, the rest are returned. */
    private static List<Long> labelAll(LabelingViewModel model, int count, List<Long> draws) {
        List<Long> ranked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = model.currentProperty().get();
            (model.modelViewProperty().get().reason().startsWith(AUDIT) ? draws : ranked).add(id);
            model.label(1);
        }
        return ranked;
    }

    /** The fast model's ranking: the reviews from the last one back. */
    private List<Long> fastRanking() {
        List<Long> ranking = new ArrayList<>();
        for (int i = ids.length - 1; i >= 0; i--) {
            ranking.add(ids[i]);
        }
        return ranking;
    }

    private RoundOutcome fastRound() {
        List<Long> ranking = fastRanking();
        List<QueueEntry> queue = IntStream.range(0, ranking.size())
                .mapToObj(i -> new QueueEntry(ranking.get(i), i + 1, 0.6, 0, 0.4, "entropy")).toList();
        RoundRecord round = new RoundRecord(1, datasetId, 0, "fake", "entropy", Double.NaN, 5, 1, Instant.now());
        float[] p = new float[ids.length];
        Arrays.fill(p, 0.3f);
        return new RoundOutcome(round, queue, Predictions.binary(p), 0.75, ids.length);
    }
}
