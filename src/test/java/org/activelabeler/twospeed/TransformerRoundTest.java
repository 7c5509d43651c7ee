package org.activelabeler.twospeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.activelabeler.model.ModelDescription;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.progress.Progress;
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
        ScriptedTextModel transformer = new ScriptedTextModel(text -> {
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
        ScriptedTextModel transformer = new ScriptedTextModel(text -> 1 - GOLD[row(text)]);
        TransformerRound.Outcome outcome = round(transformer, (train, labels, rows) -> gold(rows));

        assertThat(outcome.handover().owner()).isEqualTo(QueueOwner.FAST);
        assertThat(outcome.ranking()).isEmpty();
    }

    @Test
    void aTieLeavesTheQueueToTheFastModel() {
        ScriptedTextModel transformer = new ScriptedTextModel(text -> GOLD[row(text)]);
        TransformerRound.Outcome outcome = round(transformer, (train, labels, rows) -> gold(rows));

        assertThat(outcome.handover().owner()).isEqualTo(QueueOwner.FAST);
    }

    @Test
    void theFastModelIsCrossValidatedOverTheHeldOutLabels() {
        java.util.List<int[][]> calls = new java.util.ArrayList<>();
        TransformerRound.FastValidation recording = (train, labels, rows) -> {
            calls.add(new int[][] {train, rows});
            return gold(rows);
        };
        TransformerRound.Outcome outcome = round(new ScriptedTextModel(text -> 0.5), recording);

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
                new TransformerRound.Input(labeled, keys, labels, unlabeled, new float[POOL], row -> "row " + row),
                fast, new SplittableRandom(1), Progress.NONE);
    }

    private static TransformerRound.FastValidation alwaysWrongFastModel() {
        return (train, labels, rows) -> {
            float[] p = gold(rows);
            for (int i = 0; i < p.length; i++) {
                p[i] = 1 - p[i];
            }
            return p;
        };
    }

    private static float[] gold(int[] rows) {
        float[] p = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            p[i] = GOLD[rows[i]];
        }
        return p;
    }

    private static int row(String text) {
        return Integer.parseInt(text.substring("row ".length()));
    }

    /** A text model whose p(positive) is a fixed function of the text. */
    private static final class ScriptedTextModel implements TextClassifier {
        private final ToDoubleFunction<String> positive;
        int fittedOn;

        ScriptedTextModel(ToDoubleFunction<String> positive) {
            this.positive = positive;
        }

        @Override
        public ModelDescription description() {
            return new ModelDescription("scripted", "cpu()", Map.of());
        }

        @Override
        public TrainingReport fit(List<String> texts, int[] labels, Progress progress) {
            fittedOn = texts.size();
            return new TrainingReport(List.of(0.1), 1, 0, Double.NaN, 0);
        }

        @Override
        public float[] predictPositive(List<String> texts, Progress progress) {
            float[] p = new float[texts.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) positive.applyAsDouble(texts.get(i));
            }
            return p;
        }

        @Override
        public float[][] samplePositive(List<String> texts, int passes, Progress progress) {
            float[][] samples = new float[passes][];
            for (int t = 0; t < passes; t++) {
                samples[t] = predictPositive(texts, progress);
            }
            return samples;
        }

        @Override
        public void save(Path directory) {
        }

        @Override
        public void close() {
        }
    }
}
