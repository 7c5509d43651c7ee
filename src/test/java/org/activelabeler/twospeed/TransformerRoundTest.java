package org.activelabeler.twospeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.progress.Progress;
import org.activelabeler.testsupport.FakeTextClassifier;
import org.activelabeler.model.Predictions;
import org.junit.jupiter.api.Test;

/**
 * The round's logic with a scripted text model: the real transformer is tested on its own
 * (TransformerClassifierTest) and in the simulated loop (SimulateCommandTest).
 */
class TransformerRoundTest {
    private static final int POOL = 40;
    private static final int[] GOLD = IntStream.range(0, POOL).map(i -> i % 2).toArray();

    @Test
    void aTransformerThatValidatesBetterGetsTheQueueWithItsMostUncertainFirst() {
        // right about every labeled review; on unlabeled ones its doubt grows with the row number
        FakeTextClassifier transformer = new FakeTextClassifier(text -> {
            int row = row(text);
            return row < 20 ? GOLD[row] : 0.5 + (POOL - row) / 100.0;
        });
        TransformerRound.Outcome outcome = round(transformer, alwaysWrongFastModel());

        assertThat(outcome.handover().owner()).isEqualTo(QueueOwner.TRANSFORMER);
        assertThat(outcome.handover().transformerAccuracy()).isEqualTo(1.0);
        assertThat(outcome.handover().fastAccuracy()).isZero();
        assertThat(outcome.ranking()).startsWith(39, 38, 37).hasSize(20);
        assertThat(transformer.fittedOn).isEqualTo(20 - outcome.handover().validationLabels());
    }

    @Test
    void aTransformerThatIsNotBetterLeavesTheQueueToTheFastModelAndRanksNothing() {
        FakeTextClassifier transformer = new FakeTextClassifier(text -> 1 - GOLD[row(text)]);
        TransformerRound.Outcome outcome = round(transformer, (train, labels, rows) -> gold(rows));

        assertThat(outcome.handover().owner()).isEqualTo(QueueOwner.FAST);
        assertThat(outcome.ranking()).isEmpty();
    }

    @Test
    void aTieLeavesTheQueueToTheFastModel() {
        FakeTextClassifier transformer = new FakeTextClassifier(text -> GOLD[row(text)]);
        TransformerRound.Outcome outcome = round(transformer, (train, labels, rows) -> gold(rows));

        assertThat(outcome.handover().owner()).isEqualTo(QueueOwner.FAST);
    }

    @Test
    void theFastModelIsCrossValidatedOverTheHeldOutLabels() {
        List<int[][]> calls = new java.util.ArrayList<>();
        TransformerRound.FastValidation recording = (train, labels, rows) -> {
            calls.add(new int[][] {train, rows});
            return gold(rows);
        };
        TransformerRound.Outcome outcome = round(new FakeTextClassifier(text -> 0.5), recording);

        int held = outcome.handover().validationLabels();
        assertThat(calls).hasSize(Math.min(TransformerRound.FAST_FOLDS, held));
        assertThat(calls.stream().flatMapToInt(c -> Arrays.stream(c[1])).boxed().toList())
                .hasSize(held).doesNotHaveDuplicates();
        for (int[][] call : calls) {
            assertThat(call[0]).hasSize(20 - call[1].length).doesNotContain(call[1]);
        }
        assertThat(outcome.handover().fastAccuracy()).isEqualTo(1.0);
    }

    @Test
    void theQueueHandsOutRankedReviewsThatAreStillUnlabeled() {
        TransformerQueue queue = new TransformerQueue(new int[] {7, 3, 9, 1});
        assertThat(queue.next(2, row -> row == 3)).containsExactly(7, 9);
        assertThat(queue.next(5, row -> false)).containsExactly(1);
        assertThat(queue.remaining()).isZero();
    }

    private static TransformerRound.Outcome round(TextClassifier transformer, TransformerRound.FastValidation fast) {
        int[] labeled = IntStream.range(0, 20).toArray();
        int[] unlabeled = IntStream.range(20, POOL).toArray();
        long[] keys = IntStream.range(0, 20).asLongStream().map(k -> k + 1000).toArray();
        int[] labels = IntStream.range(0, 20).map(i -> GOLD[i]).toArray();
        TwoSpeedSettings settings = TwoSpeedSettings.forCpu(5).withCandidates(50, 0).withMinLabels(0);
        return new TransformerRound(transformer, settings, 4).run(
                new TransformerRound.Input(labeled, keys, labels, 2, unlabeled, Predictions.binary(new float[POOL]),
                        row -> "row " + row),
                fast, new SplittableRandom(1), Progress.NONE);
    }

    private static TransformerRound.FastValidation alwaysWrongFastModel() {
        return (train, labels, rows) -> {
            float[] p = new float[rows.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = 1 - GOLD[rows[i]];
            }
            return Predictions.binary(p);
        };
    }

    private static Predictions gold(int[] rows) {
        float[] p = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            p[i] = GOLD[rows[i]];
        }
        return Predictions.binary(p);
    }

    private static int row(String text) {
        return Integer.parseInt(text.substring("row ".length()));
    }
}
