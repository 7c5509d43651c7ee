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
        lossBefore = crossEntropy(classifier.predictPositive(texts, Progress.NONE), labels);
        report = classifier.fit(texts, labels, Progress.NONE);
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void aFewStepsLowerTheLoss() {
        double lossAfter = crossEntropy(classifier.predictPositive(texts, Progress.NONE), labels);
        assertThat(report.trainLosses()).hasSize(2);
        assertThat(lossAfter).isLessThan(lossBefore * 0.8);
    }

    /** The GPU's setting, run on the CPU: FP16 products for scoring, FP32 for training. */
    @Test
    void mixedPrecisionLearnsAsFullPrecisionAndScoresCloseToIt(@TempDir Path folder) {
        classifier.save(folder);
        float[] full = classifier.predictPositive(texts, Progress.NONE);
        try (TransformerClassifier mixed = new TransformerClassifier(PretrainedEncoder.fromFolder("tuned", folder),
                SMALL.withMixedPrecision(true))) {
            float[] half = mixed.predictPositive(texts, Progress.NONE);
            for (int i = 0; i < full.length; i++) {
                assertThat(half[i]).isCloseTo(full[i], org.assertj.core.data.Offset.offset(0.02f));
            }
            assertThat(half).isNotEqualTo(full);
            assertThat(mixed.description().hyperparameters()).containsEntry("mixed_precision", "true");
        }
        try (TransformerClassifier mixed = new TransformerClassifier(PretrainedEncoder.bundled(),
                SMALL.withMixedPrecision(true))) {
            double before = crossEntropy(mixed.predictPositive(texts, Progress.NONE), labels);
            mixed.fit(texts, labels, Progress.NONE);
            assertThat(crossEntropy(mixed.predictPositive(texts, Progress.NONE), labels)).isLessThan(before * 0.8);
        }
    }

    @Test
    void saveAndReloadGiveTheSamePredictions(@TempDir Path folder) {
        classifier.save(folder);
        assertThat(folder.resolve("model.safetensors")).isRegularFile();
        float[] before = classifier.predictPositive(texts, Progress.NONE);
        try (TransformerClassifier reloaded = new TransformerClassifier(
                PretrainedEncoder.fromFolder("reloaded", folder), SMALL)) {
            assertThat(reloaded.predictPositive(texts, Progress.NONE)).containsExactly(before,
                    org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(reloaded.encoderSha256()).hasSize(64);
        }
    }

    @Test
    void dropoutPassesDifferFromEachOtherButCentreOnTheModel() {
        float[][] samples = classifier.samplePositive(texts, 4, Progress.NONE);
        float[] plain = classifier.predictPositive(texts, Progress.NONE);
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
