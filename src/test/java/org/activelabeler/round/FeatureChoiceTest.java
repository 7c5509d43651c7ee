package org.activelabeler.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.training.djl.NgramLogisticClassifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The choice of feature space inside the labels, with the real fast model on hand-made spaces. */
class FeatureChoiceTest {
    private static final int ROWS = 90;
    private final NgramLogisticClassifier classifier = new NgramLogisticClassifier(
            ClassifierSettings.builder().optMaxEpochs(30).build(), Map.of());
    private final int[] labels = IntStream.range(0, ROWS).map(i -> i % 2).toArray();
    private final int[] rows = IntStream.range(0, ROWS).toArray();

    @AfterEach
    void close() {
        classifier.close();
    }

    /** A space whose first column is the class's sign, and one of noise. */
    private List<FeatureMatrix> spaces(boolean informativeFirst) {
        SplittableRandom random = new SplittableRandom(7);
        float[][] informative = new float[ROWS][];
        float[][] noise = new float[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            informative[i] = new float[] {labels[i] == 1 ? 1f : -1f, (float) random.nextGaussian() * 0.1f};
            noise[i] = new float[] {(float) random.nextGaussian(), (float) random.nextGaussian()};
        }
        FeatureMatrix good = FeatureMatrix.empty(ROWS).withDenseRows(informative, 1f);
        FeatureMatrix bad = FeatureMatrix.empty(ROWS).withDenseRows(noise, 1f);
        return informativeFirst ? List.of(good, bad) : List.of(bad, good);
    }

    @Test
    void theSpaceThatPredictsTheHeldOutLabelsBestIsChosen() {
        FeatureChoice choice = new FeatureChoice(List.of("noise", "signal"), 13);

        int chosen = choice.choose(classifier, spaces(false), rows, labels, 2);

        assertThat(chosen).isEqualTo(1);
        assertThat(choice.chosenName()).isEqualTo("signal");
        assertThat(choice.describeLastChoice()).startsWith("noise 0.").contains("signal 1.000");
    }

    @Test
    void itChoosesFromEnoughLabelsOnAndThenEveryFewRoundsKeepingTheChoiceBetween() {
        FeatureChoice choice = new FeatureChoice(List.of("signal", "noise"), 13);
        int[] few = IntStream.range(0, FeatureChoice.MIN_LABELS - 1).toArray();
        int[] fewLabels = IntStream.of(few).map(i -> labels[i]).toArray();

        assertThat(choice.choose(classifier, spaces(true), few, fewLabels, 2)).isZero();
        assertThat(choice.describeLastChoice()).as("too few labels: no cross-validation").isEmpty();

        assertThat(choice.choose(classifier, spaces(true), rows, labels, 2)).isZero();
        String first = choice.describeLastChoice();
        assertThat(first).isNotEmpty();
        // the spaces swap places: the old choice stands until the next decision is due
        for (int round = 1; round < FeatureChoice.EVERY_ROUNDS; round++) {
            assertThat(choice.choose(classifier, spaces(false), rows, labels, 2)).isZero();
        }
        assertThat(choice.choose(classifier, spaces(false), rows, labels, 2)).isEqualTo(1);
    }

    @Test
    void foldFitsOnSeveralThreadsScoreWhatOneThreadDoes() {
        List<String> names = List.of("noise", "signal", "noise again");
        List<FeatureMatrix> candidates = List.of(spaces(false).get(0), spaces(false).get(1), spaces(true).get(1));
        FeatureChoice oneThread = new FeatureChoice(names, 13, 1);
        FeatureChoice threeThreads = new FeatureChoice(names, 13, 3);

        oneThread.choose(classifier, candidates, rows, labels, 2);
        threeThreads.choose(classifier, candidates, rows, labels, 2);

        assertThat(threeThreads.describeLastChoice()).isEqualTo(oneThread.describeLastChoice())
                .doesNotContain("noise 1.000");
        assertThat(threeThreads.chosenName()).isEqualTo("signal");
    }

    @Test
    void oneSpaceIsNeverCrossValidated() {
        FeatureChoice choice = new FeatureChoice(List.of("only"), 13);

        assertThat(choice.choose(classifier, spaces(true).subList(0, 1), rows, labels, 2)).isZero();
        assertThat(choice.millis()).isZero();
        assertThat(choice.describeLastChoice()).isEmpty();
    }

    @Test
    void foldsKeepEachClassSpreadOverEveryFold() {
        int[] classes = IntStream.range(0, 30).map(i -> i < 21 ? 0 : 1).toArray();
        int[] fold = FeatureChoice.folds(classes, 2, new SplittableRandom(3));
        for (int f = 0; f < FeatureChoice.FOLDS; f++) {
            int held = f;
            assertThat(IntStream.range(0, 30).filter(i -> fold[i] == held && classes[i] == 0).count()).isEqualTo(7);
            assertThat(IntStream.range(0, 30).filter(i -> fold[i] == held && classes[i] == 1).count()).isEqualTo(3);
        }
    }
}
