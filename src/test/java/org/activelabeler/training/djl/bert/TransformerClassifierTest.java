package org.activelabeler.training.djl.bert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.model.TransformerSettings;
import org.activelabeler.progress.Progress;
import org.activelabeler.testsupport.SyntheticReviews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fine-tuning the bundled MiniLM on the CPU with small settings. */
class TransformerClassifierTest {
    private static final TransformerSettings SMALL = TransformerSettings.forCpu(7)
            .withMaxTokens(32).withBatchSize(8).withEpochs(2).withLearningRate(2e-4);

    private static List<String> texts;
    private static int[] labels;
    private static TransformerClassifier classifier;
    private static double lossBefore;
    private static TrainingReport report;

    @BeforeAll
    static void fineTune() {
        List<SyntheticReviews.Review> reviews = new SyntheticReviews(3).distinct(48);
        texts = reviews.stream().map(SyntheticReviews.Review::text).toList();
        labels = reviews.stream().mapToInt(r -> r.positive() ? 1 : 0).toArray();
        classifier = new TransformerClassifier(PretrainedEncoder.bundled(), SMALL);
        lossBefore = crossEntropy(classifier.predict(texts, Progress.NONE).column(1), labels);
        report = classifier.fit(texts, labels, 2, Progress.NONE);
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void aFewStepsLowerTheLoss() {
        double lossAfter = crossEntropy(classifier.predict(texts, Progress.NONE).column(1), labels);
        assertThat(report.trainLosses()).hasSize(2);
        assertThat(lossAfter).isLessThan(lossBefore * 0.8);
    }

    /** The GPU's setting, run on the CPU: FP16 products for scoring, FP32 for training. */
    @Test
    void mixedPrecisionLearnsAsFullPrecisionAndScoresCloseToIt(@TempDir Path folder) {
        classifier.save(folder);
        float[] full = classifier.predict(texts, Progress.NONE).column(1);
        try (TransformerClassifier mixed = new TransformerClassifier(PretrainedEncoder.fromFolder("tuned", folder),
                SMALL.withMixedPrecision(true))) {
            float[] half = mixed.predict(texts, Progress.NONE).column(1);
            for (int i = 0; i < full.length; i++) {
                assertThat(half[i]).isCloseTo(full[i], org.assertj.core.data.Offset.offset(0.02f));
            }
            assertThat(half).isNotEqualTo(full);
            assertThat(mixed.description().hyperparameters()).containsEntry("mixed_precision", "true");
        }
        try (TransformerClassifier mixed = new TransformerClassifier(PretrainedEncoder.bundled(),
                SMALL.withMixedPrecision(true))) {
            double before = crossEntropy(mixed.predict(texts, Progress.NONE).column(1), labels);
            mixed.fit(texts, labels, 2, Progress.NONE);
            assertThat(crossEntropy(mixed.predict(texts, Progress.NONE).column(1), labels)).isLessThan(before * 0.8);
        }
    }

    @Test
    void saveAndReloadGiveTheSamePredictions(@TempDir Path folder) {
        classifier.save(folder);
        assertThat(folder.resolve("model.safetensors")).isRegularFile();
        float[] before = classifier.predict(texts, Progress.NONE).column(1);
        try (TransformerClassifier reloaded = new TransformerClassifier(
                PretrainedEncoder.fromFolder("reloaded", folder), SMALL)) {
            assertThat(reloaded.predict(texts, Progress.NONE).column(1)).containsExactly(before,
                    org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(reloaded.encoderSha256()).hasSize(64);
        }
    }

    @Test
    void dropoutPassesDifferFromEachOtherButCentreOnTheModel() {
        float[][] samples = java.util.Arrays.stream(classifier.sample(texts, 4, Progress.NONE)).map(p -> p.column(1))
                .toArray(float[][]::new);
        float[] plain = classifier.predict(texts, Progress.NONE).column(1);
        assertThat(samples).hasNumberOfRows(4);
        assertThat(samples[0]).isNotEqualTo(samples[1]);
        double meanGap = 0;
        for (int i = 0; i < plain.length; i++) {
            double mean = (samples[0][i] + samples[1][i] + samples[2][i] + samples[3][i]) / 4;
            meanGap += Math.abs(mean - plain[i]) / plain.length;
        }
        assertThat(meanGap).isLessThan(0.1);
    }

    @Test
    void aFitWithMoreClassesGivesTheHeadThatSize() {
        try (TransformerClassifier four = new TransformerClassifier(PretrainedEncoder.bundled(), SMALL.withEpochs(1))) {
            int[] classes = java.util.stream.IntStream.range(0, texts.size()).map(i -> i % 4).toArray();
            four.fit(texts, classes, 4, Progress.NONE);
            org.activelabeler.model.Predictions predicted = four.predict(texts.subList(0, 3), Progress.NONE);
            assertThat(predicted.classes()).isEqualTo(4);
            for (int row = 0; row < 3; row++) {
                float sum = 0;
                for (int c = 0; c < 4; c++) {
                    sum += predicted.get(row, c);
                }
                assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    @Test
    void describesEncoderAndDevice() {
        var description = classifier.description();
        assertThat(description.name()).isEqualTo("transformer");
        assertThat(description.device()).isEqualTo("cpu()");
        assertThat(description.hyperparameters()).containsEntry("encoder", PretrainedEncoder.BUNDLED_NAME)
                .containsKey("encoder_sha256");
    }

    @Test
    void aFolderWithoutWeightsIsRefusedByName(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("config.json"), "{}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PretrainedEncoder.fromFolder("x", folder))
                .hasMessageContaining("tokenizer.json").hasMessageContaining(folder.toString());
    }

    private static double crossEntropy(float[] positive, int[] gold) {
        double sum = 0;
        for (int i = 0; i < gold.length; i++) {
            double p = gold[i] == 1 ? positive[i] : 1 - positive[i];
            sum -= Math.log(Math.max(p, 1e-7));
        }
        return sum / gold.length;
    }
}
