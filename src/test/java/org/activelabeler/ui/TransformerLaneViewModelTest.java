package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activelabeler.model.Predictions;
import org.activelabeler.app.Workspace;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.ModelDescription;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.progress.Progress;
import org.activelabeler.simulation.TransformerRoundResult;
import org.activelabeler.testsupport.FakeTextClassifier;
import org.activelabeler.twospeed.QueueOwner;
import org.activelabeler.twospeed.TwoSpeedSettings;
import org.activelabeler.ui.labeling.LabelingViewModel;
import org.activelabeler.ui.labeling.OpenedDataset;
import org.activelabeler.ui.labeling.QueueRow;
import org.activelabeler.ui.labeling.ReviewTexts;
import org.activelabeler.round.FastRounds;
import org.activelabeler.ui.retrain.RetrainViewModel;
import org.activelabeler.round.RoundOutcome;
import org.activelabeler.ui.task.CallingThreadExecutor;
import org.activelabeler.ui.transformer.ModelChoice;
import org.activelabeler.round.TransformerFactory;
import org.activelabeler.ui.transformer.TransformerLaneViewModel;
import org.activelabeler.round.TransformerRoundOutcome;
import org.activelabeler.round.TransformerRounds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-speed loop without a screen: both executors run on the calling thread, the fast model is
 * a fake, and the transformer a fake text model whose p(positive) each test sets. A "batch" here is
 * a few oracle labels and "Retrain now", so that the review on screen is open when a round ends.
 */
class TransformerLaneViewModelTest {
    private static final int REVIEWS = 60;
    private static final int BATCH = 6;

    @TempDir
    Path dir;
    private Workspace workspace;
    private long datasetId;
    private long[] ids;
    private final Map<String, Integer> goldOfText = new HashMap<>();
    private List<String> texts;
    private double auditShare = 0.1;
    private final FakeTextClassifier transformer = new FakeTextClassifier();
    private final List<RoundOutcome> fastRounds = new ArrayList<>();
    private final List<TransformerRoundOutcome> transformerRounds = new ArrayList<>();
    private final List<TransformerRoundResult> tracked = new ArrayList<>();
    private int transformersMade;
    private LabelingViewModel labeling;
    private RetrainViewModel retrain;
    private FastRounds trainer;
    private TransformerRounds transformerTrainer;
    private TransformerLaneViewModel lane;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir.resolve("db"));
        datasetId = UiFixture.importInto(workspace, UiFixture.writeCsv(dir.resolve("reviews.csv"), REVIEWS)).id();
        OpenedDataset opened = UiFixture.open(workspace, datasetId);
        ids = opened.corpus().reviewIds();
        texts = workspace.datasets().reviewTexts(datasetId, Progress.NONE);
        for (int i = 0; i < texts.size(); i++) {
            goldOfText.put(texts.get(i), opened.corpus().gold()[i]);
        }
        labeling = new LabelingViewModel(opened, LabelingViewModel.shuffled(ids, 13), workspace.labels(),
                new ReviewTexts(workspace.datasets(), Runnable::run), "alice");
        labeling.start(null);
        trainer = new FastRounds(opened.corpus(), workspace.labels(), features -> new FakeClassifier(),
                "test-tokenizer", 10, 13);
        retrain = new RetrainViewModel(new CallingThreadExecutor(), trainer, labeling.labeledProperty(),
                labeling::classesLabeled, 0);
        retrain.batchSizeProperty().set(1000);
        transformerTrainer = new TransformerRounds(opened.corpus(), workspace.labels(), workspace.datasets(),
                features -> new ConstantClassifier(), new FakeTransformers(),
                (model, result, snapshot) -> {
                    tracked.add(result);
                    return null;
                }, 13);
        lane = new TransformerLaneViewModel(new CallingThreadExecutor(), transformerTrainer, labeling,
                trainer::features, TwoSpeedSettings.forCpu(13), null, 0);
        retrain.onRound(fastRounds::add);
        retrain.onRound(labeling::applyRound);
        retrain.onRound(lane::fastRoundFinished);
        lane.onRound(transformerRounds::add);
        retrain.prepare();
    }

    @AfterEach
    void close() {
        transformerTrainer.close();
        trainer.close();
        workspace.close();
    }

    @Test
    void theFastModelAloneServesUnlessTwoSpeedIsChosen() {
        for (int i = 0; i < 4; i++) {
            batch();
        }

        assertThat(transformersMade).isZero();
        assertThat(lane.queueTextProperty().get()).isEqualTo("Queue: fast model");
        assertThat(lane.transformerTextProperty().get()).startsWith("off");
        assertThat(lane.fastTextProperty().get()).startsWith("round 4 on 24 labels · holdout accuracy");
        assertThat(labeling.upcoming()).noneMatch(QueueRow::drawnAtRandom);
        assertThat(workspace.labels().auditDraws(datasetId)).as("no review drawn at random").isEmpty();
    }

    @Test
    void theRoundIsJudgedOnExactlyTheLabeledAuditDrawsAndChoosingTheFastModelStopsThem() {
        auditShare = 0.5;
        lane.choiceProperty().set(ModelChoice.TWO_SPEED);
        transformer.positive = this::right;
        for (int i = 0; i < 8; i++) {
            batch();
        }

        assertThat(transformer.fits).isEqualTo(4);
        Set<Long> draws = workspace.labels().auditDraws(datasetId);
        Set<Long> labeled = workspace.labels().currentLabels(datasetId).keySet();
        List<String> labeledDraws = labeled.stream().filter(draws::contains).map(this::text).toList();
        assertThat(labeledDraws).as("every 2nd of 48 labels").hasSize(24);
        assertThat(transformerRounds.get(3).handover().validationLabels()).isEqualTo(labeledDraws.size());
        assertThat(transformer.fittedTexts).as("trained on the ranked labels, judged on the drawn ones")
                .containsExactlyInAnyOrderElementsOf(labeled.stream().filter(id -> !draws.contains(id))
                        .map(this::text).toList());
        assertThat(labeling.upcoming()).anyMatch(QueueRow::drawnAtRandom);

        lane.choiceProperty().set(ModelChoice.FAST);
        assertThat(labeling.upcoming()).noneMatch(QueueRow::drawnAtRandom);
        assertThat(labeling.modelViewProperty().get().reason()).doesNotStartWith("Drawn at random");
    }

    @Test
    void noTransformerRoundBeforeNBatchesThenItTakesTheQueueOnlyWhileItValidatesBetter() {
        lane.choiceProperty().set(ModelChoice.TWO_SPEED);
        assertThat(lane.everyBatchesProperty().get()).as("the device's default").isEqualTo(2);
        transformer.positive = this::right;

        batch();
        assertThat(transformer.fits).isZero();
        assertThat(lane.transformerTextProperty().get()).isEqualTo("not trained yet: every 2 batches");

        long reading = batch();
        assertThat(transformer.fits).isEqualTo(1);
        TransformerRoundOutcome won = transformerRounds.get(0);
        assertThat(won.handover().owner()).isEqualTo(QueueOwner.TRANSFORMER);
        assertThat(won.handover().transformerAccuracy()).isEqualTo(1.0)
                .isGreaterThan(won.handover().fastAccuracy());
        assertThat(labeling.currentProperty().get()).as("the review on screen stays").isEqualTo(reading);
        assertThat(labeling.queueOwnerProperty().get()).isEqualTo(QueueOwner.TRANSFORMER);
        assertThat(lane.queueTextProperty().get()).isEqualTo("Queue: transformer");
        assertThat(lane.transformerTextProperty().get()).startsWith("round 1 on 12 labels · transformer 100.0%");
        assertThat(upcoming()).startsWith(openRanked(won, 3));
        assertThat(labeling.modelViewProperty().get().reason()).startsWith("Chosen by the transformer (entropy): rank");
        assertThat(tracked).singleElement().satisfies(result -> {
            assertThat(result.labels()).isEqualTo(12);
            assertThat(result.holdoutSize()).isEqualTo(REVIEWS - 12);
            assertThat(result.holdoutAccuracy()).isEqualTo(1.0);
        });

        Long best = openRanked(won, 1)[0];
        labeling.oracleStep();
        assertThat(labeling.currentProperty().get()).as("then the transformer's best open review").isEqualTo(best);

        batch();
        assertThat(transformer.fits).as("the next round is due after 2 more batches").isEqualTo(1);
        assertThat(labeling.queueOwnerProperty().get()).as("later fast retrains keep the transformer's queue")
                .isEqualTo(QueueOwner.TRANSFORMER);
        assertThat(upcoming()).startsWith(openRanked(won, 3));

        transformer.positive = this::wrong;
        reading = batch();
        assertThat(transformer.fits).isEqualTo(2);
        assertThat(transformerRounds.get(1).handover().owner()).isEqualTo(QueueOwner.FAST);
        assertThat(labeling.currentProperty().get()).isEqualTo(reading);
        assertThat(labeling.queueOwnerProperty().get()).isEqualTo(QueueOwner.FAST);
        assertThat(lane.queueTextProperty().get()).isEqualTo("Queue: fast model");
        assertThat(upcoming()).startsWith(openFastQueue(reading, 3));
        assertThat(transformersMade).as("made once, warm-started after").isEqualTo(1);
    }

    @Test
    void labelsGivenDuringATransformerRoundAreKeptAndNotAskedAgain() {
        lane.choiceProperty().set(ModelChoice.TWO_SPEED);
        transformer.positive = this::right;
        List<Long> labeledMeanwhile = new ArrayList<>();
        transformer.whileFitting = progress -> {
            for (int i = 0; i < 3; i++) {
                labeledMeanwhile.add(labeling.currentProperty().get());
                labeling.oracleStep();
            }
        };
        batch();

        batch();

        assertThat(transformer.fittedOn).as("trained on the labels stored when it started").isLessThan(12);
        assertThat(workspace.labels().currentLabels(datasetId)).hasSize(15).containsKeys(labeledMeanwhile.toArray(Long[]::new));
        assertThat(labeling.labeledProperty().get()).isEqualTo(15);
        assertThat(labeling.queueOwnerProperty().get()).isEqualTo(QueueOwner.TRANSFORMER);
        assertThat(upcoming()).doesNotContainAnyElementsOf(labeledMeanwhile);
        assertThat(labeledMeanwhile).doesNotContain(labeling.currentProperty().get());
    }

    @Test
    void aCancelledRoundGivesTheQueueBackToTheFastModelAndLosesNoLabels() {
        lane.choiceProperty().set(ModelChoice.TWO_SPEED);
        transformer.positive = this::right;
        batch();
        batch();
        assertThat(labeling.queueOwnerProperty().get()).isEqualTo(QueueOwner.TRANSFORMER);
        long[] labeledDuring = new long[1];
        long[] onScreen = new long[1];
        transformer.whileFitting = progress -> {
            labeledDuring[0] = labeling.currentProperty().get();
            labeling.oracleStep();
            onScreen[0] = labeling.currentProperty().get();
            lane.cancel();
        };

        batch();
        batch();

        assertThat(transformerRounds).hasSize(1);
        assertThat(labeling.queueOwnerProperty().get()).isEqualTo(QueueOwner.FAST);
        assertThat(labeling.currentProperty().get()).isEqualTo(onScreen[0]);
        assertThat(lane.transformerTextProperty().get())
                .isEqualTo("round cancelled; the fast model serves the queue");
        assertThat(workspace.labels().currentLabels(datasetId)).hasSize(25).containsKey(labeledDuring[0]);

        transformer.whileFitting = progress -> {
            throw new IllegalStateException("the encoder is broken");
        };
        batch();
        batch();
        assertThat(lane.transformerTextProperty().get()).startsWith("round failed:").contains("the encoder is broken");
        assertThat(labeling.queueOwnerProperty().get()).isEqualTo(QueueOwner.FAST);

        transformer.whileFitting = progress -> { };
        batch();
        batch();
        assertThat(transformerRounds).as("the lane goes on after a cancel and a failure").hasSize(2);
        assertThat(labeling.queueOwnerProperty().get()).isEqualTo(QueueOwner.TRANSFORMER);
    }

    /** Labels a batch with the file's labels and retrains the fast model; returns the review on screen. */
    private long batch() {
        for (int i = 0; i < BATCH; i++) {
            labeling.oracleStep();
        }
        long reading = labeling.currentProperty().get();
        retrain.retrainNow();
        return reading;
    }

    /** Right about every review, less sure the further the text is down the alphabet. */
    private double right(String text) {
        double doubt = 0.05 + 0.4 * ((text.hashCode() & 0xff) / 255.0);
        return goldOfText.get(text) == 1 ? 1 - doubt : doubt;
    }

    private String text(long reviewId) {
        for (int row = 0; ; row++) {
            if (ids[row] == reviewId) {
                return texts.get(row);
            }
        }
    }

    private double wrong(String text) {
        return 1 - right(text);
    }

    /** The ranked reviews after the one on screen, without the audit draws mixed in. */
    private List<Long> upcoming() {
        return labeling.upcoming().stream().filter(row -> !row.drawnAtRandom()).map(QueueRow::reviewId).toList();
    }

    /** The first reviews of the transformer's ranking that are open, not on screen and not kept for an audit slot. */
    private Long[] openRanked(TransformerRoundOutcome outcome, int count) {
        var labels = workspace.labels().currentLabels(datasetId);
        var draws = workspace.labels().auditDraws(datasetId);
        return Arrays.stream(outcome.rankedRows()).mapToObj(row -> ids[row])
                .filter(id -> !labels.containsKey(id) && !draws.contains(id)
                        && !id.equals(labeling.currentProperty().get()))
                .limit(count).toArray(Long[]::new);
    }

    private Long[] openFastQueue(long reading, int count) {
        var labels = workspace.labels().currentLabels(datasetId);
        var draws = workspace.labels().auditDraws(datasetId);
        return fastRounds.get(fastRounds.size() - 1).queue().stream().map(QueueEntry::reviewId)
                .filter(id -> !labels.containsKey(id) && !draws.contains(id) && id != reading)
                .limit(count).toArray(Long[]::new);
    }

    /** The device's defaults: a round every 2 batches, from the first labels, with the test's audit share. */
    private final class FakeTransformers implements TransformerFactory {
        @Override
        public TwoSpeedSettings twoSpeedDefaults(long seed) {
            return TwoSpeedSettings.forCpu(seed).withEveryBatches(2).withMinLabels(0).withAuditShare(auditShare);
        }

        @Override
        public int dropoutPasses(long seed) {
            return 3;
        }

        @Override
        public TextClassifier create(long seed, int classes, Progress progress) {
            transformersMade++;
            return transformer;
        }
    }

    /** A fast model for the comparison that always says 0.5, so that it is wrong about every negative. */
    private static final class ConstantClassifier implements Classifier {
        @Override
        public ModelDescription description() {
            return new ModelDescription("constant", "cpu", Map.of());
        }

        @Override
        public TrainingReport fit(FeatureMatrix rows, int[] labels, int classes, Progress progress) {
            return new TrainingReport(List.of(), 0, 0, Double.NaN, 0);
        }

        @Override
        public Predictions predict(FeatureMatrix rows) {
            float[] p = new float[rows.rowCount()];
            Arrays.fill(p, 0.5f);
            return Predictions.binary(p);
        }

        @Override
        public void save(Path directory) {
        }

        @Override
        public void close() {
        }
    }
}
