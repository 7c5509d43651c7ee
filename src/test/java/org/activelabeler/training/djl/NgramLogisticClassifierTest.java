package org.activelabeler.training.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activelabeler.evaluation.ClassMetrics;
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
            TrainingReport report = classifier.fit(train.features(), train.gold(), 2, Progress.NONE);

            ClassMetrics metrics = ClassMetrics.of(classifier.predict(test.features()), test.gold());
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
                    java.util.Arrays.copyOf(train.gold(), 20), 2, Progress.NONE);

            assertThat(report.validationLabels()).isZero();
            assertThat(report.validationAccuracy()).isNaN();
            assertThat(ClassMetrics.of(classifier.predict(test.features()), test.gold()).accuracy())
                    .isGreaterThan(0.7);
        }
    }

    @Test
    void aRoundGoesOnFromTheLastRoundsWeightsInFewerSteps() {
        try (NgramLogisticClassifier rounds = classifier(13); NgramLogisticClassifier afresh = classifier(13)) {
            TrainingReport first = rounds.fitFromLast(train.features().select(range(0, 80)),
                    java.util.Arrays.copyOf(train.gold(), 80), 2, Progress.NONE);
            assertThat(first.trainLosses()).as("the first round starts afresh").hasSize(80);
            assertThat(first.warmStart()).isFalse();
            rounds.fit(train.features().select(range(100, 140)), java.util.Arrays.copyOfRange(train.gold(), 100, 140), 2,
                    Progress.NONE);

            TrainingReport second = rounds.fitFromLast(train.features().select(range(0, 88)),
                    java.util.Arrays.copyOf(train.gold(), 88), 2, Progress.NONE);
            afresh.fit(train.features().select(range(0, 88)), java.util.Arrays.copyOf(train.gold(), 88), 2,
                    Progress.NONE);

            assertThat(second.trainLosses()).as("warm_epochs steps from the first round's state, not the fit between")
                    .hasSize(40);
            assertThat(second.trainLosses().get(0)).as("it starts where a fit ends, not from the top")
                    .isLessThan(first.trainLosses().get(0) / 2);
            assertThat(second.warmStart()).isTrue();
            double warm = ClassMetrics.of(rounds.predict(test.features()), test.gold()).accuracy();
            double cold = ClassMetrics.of(afresh.predict(test.features()), test.gold()).accuracy();
            assertThat(warm).isGreaterThan(cold - 0.02);

            TrainingReport grown = rounds.fitFromLast(train.features().select(range(0, 150)),
                    java.util.Arrays.copyOf(train.gold(), 150), 2, Progress.NONE);
            assertThat(grown.trainLosses()).as("more than a tenth more labels: afresh").hasSize(80);
        }
    }

    @Test
    void aRoundOnAnotherFeatureSpaceStartsAfresh() {
        try (NgramLogisticClassifier rounds = classifier(13)) {
            rounds.fitFromLast(train.features().select(range(0, 40)), java.util.Arrays.copyOf(train.gold(), 40), 2,
                    Progress.NONE);
            org.activelabeler.features.FeatureMatrix wider = train.features().select(range(0, 60))
                    .withDenseRows(new float[60][3], 1f);

            TrainingReport report = rounds.fitFromLast(wider, java.util.Arrays.copyOf(train.gold(), 60), 2, Progress.NONE);

            assertThat(report.trainLosses()).hasSize(80);
            assertThat(report.warmStart()).isFalse();
        }
    }

    @Test
    void theCpuScoresAreTheEnginesScores() {
        try (NgramLogisticClassifier classifier = classifier(13)) {
            classifier.fit(train.features(), train.gold(), 2, Progress.NONE);

            assertSameProbabilities(classifier.predict(test.features()), classifier.predictOnEngine(test.features()));
        }
    }

    private static void assertSameProbabilities(org.activelabeler.model.Predictions cpu,
                                                org.activelabeler.model.Predictions engine) {
        assertThat(cpu.size()).isEqualTo(engine.size());
        for (int row = 0; row < cpu.size(); row++) {
            for (int c = 0; c < cpu.classes(); c++) {
                assertThat(cpu.get(row, c)).isCloseTo(engine.get(row, c), org.assertj.core.api.Assertions.within(1e-5f));
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalPredictions() {
        float[] first;
        float[] second;
        try (NgramLogisticClassifier classifier = classifier(5)) {
            classifier.fit(train.features(), train.gold(), 2, Progress.NONE);
            first = classifier.predict(test.features()).column(1);
        }
        try (NgramLogisticClassifier classifier = classifier(5)) {
            classifier.fit(train.features(), train.gold(), 2, Progress.NONE);
            second = classifier.predict(test.features()).column(1);
        }
        assertThat(second).containsExactly(first);
    }

    @Test
    void scoresTheSameRowsAgainAndAfterARefit() {
        try (NgramLogisticClassifier classifier = classifier(13)) {
            classifier.fit(train.features(), train.gold(), 2, Progress.NONE);
            float[] first = classifier.predict(test.features()).column(1);
            assertThat(classifier.predict(test.features()).column(1)).containsExactly(first);

            classifier.fit(train.features().select(range(0, 40)), java.util.Arrays.copyOf(train.gold(), 40), 2,
                    Progress.NONE);
            assertThat(classifier.predict(test.features()).column(1)).isNotEqualTo(first).hasSize(first.length);
        }
    }

    @Test
    void savesItsWeights(@TempDir Path folder) {
        try (NgramLogisticClassifier classifier = classifier(13)) {
            assertThatThrownBy(() -> classifier.predict(test.features()).column(1))
                    .isInstanceOf(IllegalStateException.class);
            classifier.fit(train.features(), train.gold(), 2, Progress.NONE);
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

    @Test
    void learnsFourClassesWithASoftmaxOverThem() {
        String[][] words = {{"goal", "match", "coach", "league"}, {"shares", "market", "profit", "bank"},
                {"election", "minister", "vote", "treaty"}, {"software", "chip", "startup", "network"}};
        String[] filler = {"the", "a", "on", "today", "said", "after", "new", "report"};
        java.util.Random random = new java.util.Random(3);
        java.util.List<String> texts = new java.util.ArrayList<>();
        int[] classes = new int[400];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = i % 4;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                String[] from = w % 3 == 0 ? words[classes[i]] : filler;
                text.append(from[random.nextInt(from.length)]).append(' ');
            }
            texts.add(text.toString());
        }
        int[][] tokens;
        try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.bundled()) {
            tokens = tokenizer.encode(texts);
        }
        LabeledRows all = new LabeledRows(FeaturePipeline.fit(tokens, new FeatureSettings(2, 16, 1, 8, 0.5f)).rows(),
                classes);
        LabeledRows fit = all.select(range(0, 200));
        LabeledRows held = all.select(range(200, 400));
        try (NgramLogisticClassifier classifier = classifier(13)) {
            classifier.fit(fit.features(), fit.gold(), 4, Progress.NONE);
            org.activelabeler.model.Predictions predicted = classifier.predict(held.features());
            assertSameProbabilities(predicted, classifier.predictOnEngine(held.features()));

            assertThat(predicted.classes()).isEqualTo(4);
            for (int row = 0; row < predicted.size(); row++) {
                float sum = 0;
                for (int c = 0; c < 4; c++) {
                    sum += predicted.get(row, c);
                }
                assertThat(sum).isCloseTo(1f, org.assertj.core.api.Assertions.within(1e-4f));
            }
            ClassMetrics metrics = ClassMetrics.of(predicted, held.gold());
            assertThat(metrics.accuracy()).isGreaterThan(0.95);
            assertThat(metrics.confusion()).hasDimensions(4, 4);
            assertThat(java.util.Arrays.stream(metrics.f1()).allMatch(f -> f > 0.9)).isTrue();
        }
    }
}
