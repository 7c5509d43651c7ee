package org.activelabeler.training.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activelabeler.evaluation.BinaryMetrics;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.features.FeatureSettings;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.progress.Progress;
import org.activelabeler.simulation.LabeledRows;
import org.activelabeler.testsupport.SyntheticReviews;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NgramLogisticClassifierTest {
    private static LabeledRows train;
    private static LabeledRows test;

    @BeforeAll
    static void makeData() {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(7).distinct(600);
        int[][] tokens;
        try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.bundled()) {
            tokens = tokenizer.encode(reviews.stream().map(SyntheticReviews.Review::text).toList());
        }
        int[] gold = reviews.stream().mapToInt(r -> r.positive() ? 1 : 0).toArray();
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(tokens, new FeatureSettings(2, 16, 1, 8, 0.5f));
        LabeledRows all = new LabeledRows(fitted.rows(), gold);
        train = all.select(range(0, 300));
        test = all.select(range(300, 600));
    }

    @Test
    void learnsASeparableTask() {
        try (NgramLogisticClassifier classifier = classifier(13)) {
            TrainingReport report = classifier.fit(train.features(), train.gold(), Progress.NONE);

            BinaryMetrics metrics = BinaryMetrics.of(classifier.predictPositive(test.features()), test.gold());
            assertThat(metrics.accuracy()).isGreaterThan(0.95);
            assertThat(report.trainLosses().get(report.trainLosses().size() - 1))
                    .isLessThan(report.trainLosses().get(0) / 2);
            assertThat(report.validationLabels()).isEqualTo(30);
            assertThat(report.validationAccuracy()).isGreaterThan(0.9);
        }
    }

    @Test
    void learnsFromTwentyLabelsWithoutHoldingAnyBack() {
        try (NgramLogisticClassifier classifier = classifier(13)) {
            TrainingReport report = classifier.fit(train.features().select(range(0, 20)),
                    java.util.Arrays.copyOf(train.gold(), 20), Progress.NONE);

            assertThat(report.validationLabels()).isZero();
            assertThat(report.validationAccuracy()).isNaN();
            assertThat(BinaryMetrics.of(classifier.predictPositive(test.features()), test.gold()).accuracy())
                    .isGreaterThan(0.7);
        }
    }

    @Test
    void sameSeedGivesIdenticalPredictions() {
        float[] first;
        float[] second;
        try (NgramLogisticClassifier classifier = classifier(5)) {
            classifier.fit(train.features(), train.gold(), Progress.NONE);
            first = classifier.predictPositive(test.features());
        }
        try (NgramLogisticClassifier classifier = classifier(5)) {
            classifier.fit(train.features(), train.gold(), Progress.NONE);
            second = classifier.predictPositive(test.features());
        }
        assertThat(second).containsExactly(first);
    }

    @Test
    void scoresTheSameRowsAgainAndAfterARefit() {
        try (NgramLogisticClassifier classifier = classifier(13)) {
            classifier.fit(train.features(), train.gold(), Progress.NONE);
            float[] first = classifier.predictPositive(test.features());
            assertThat(classifier.predictPositive(test.features())).containsExactly(first);

            classifier.fit(train.features().select(range(0, 40)), java.util.Arrays.copyOf(train.gold(), 40),
                    Progress.NONE);
            assertThat(classifier.predictPositive(test.features())).isNotEqualTo(first).hasSize(first.length);
        }
    }

    @Test
    void savesItsWeights(@TempDir Path folder) {
        try (NgramLogisticClassifier classifier = classifier(13)) {
            assertThatThrownBy(() -> classifier.predictPositive(test.features()))
                    .isInstanceOf(IllegalStateException.class);
            classifier.fit(train.features(), train.gold(), Progress.NONE);
            classifier.save(folder.resolve("model"));
        }
        assertThat(folder.resolve("model/model.safetensors")).isNotEmptyFile();
    }

    @Test
    void describesItselfWithItsHyperparameters() {
        try (NgramLogisticClassifier classifier = classifier(13)) {
            assertThat(classifier.description().name()).isEqualTo("ngram-logistic");
            assertThat(classifier.description().device()).isNotBlank();
            assertThat(classifier.description().hyperparameters()).containsEntry("seed", "13")
                    .containsEntry("tokenizer", "test");
        }
    }

    private static NgramLogisticClassifier classifier(long seed) {
        return new NgramLogisticClassifier(ClassifierSettings.builder().optSeed(seed).optMinLabelsForValidation(200).build(),
                Map.of("tokenizer", "test"));
    }

    private static int[] range(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return rows;
    }
}
