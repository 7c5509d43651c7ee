package org.activelabeler.training.djl.bert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.activelabeler.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sentence encoder of the fast loop, bge-small-en-v1.5 loaded into {@link BertNetwork}, against ONNX
 * Runtime running the original ONNX file on the same token ids: CLS-pooled, normalised vectors agree.
 * Our side runs as in production (length-sorted, padded batches); ONNX Runtime sees each text alone,
 * unpadded, so padding and masking are checked too. The production CPU engine, ONNX Runtime in this
 * process ({@link OnnxRuntimeSentenceEncoder}), gives the same vectors under the same digest.
 */
@Timeout(120)
class BgeSmallParityTest {
    private static final List<String> TEXTS = List.of(
            "A quietly devastating film.<br /><br />The acting is superb, the score restrained.",
            "Worst two hours of my life, and the popcorn was stale too.",
            "ok",
            "Stocks fell sharply on Tuesday as investors weighed the central bank's remarks on inflation.",
            "I went in expecting little. " + "The middle drags on and on, scene after scene. ".repeat(40)
                    + "But the last ten minutes are the best thing I have seen this year: a triumph.");

    @Test
    void embeddingsMatchOnnxRuntimeWithinTightTolerance() throws Exception {
        EmbeddingSettings settings = EmbeddingSettings.cpu().withBatchTokens(600);
        float[][] ours;
        float[][] onnxRuntime;
        long[][] ids;
        try (OnnxRuntimeSentenceEncoder encoder = OnnxRuntimeSentenceEncoder.open(PretrainedEncoder.bgeSmall(), settings, 2);
             BertSentenceEncoder djl = BertSentenceEncoder.open(PretrainedEncoder.bgeSmall(), settings)) {
            assertThat(encoder.digest()).isEqualTo(djl.digest());
            assertThat(encoder.dimensions()).isEqualTo(384);
            onnxRuntime = encoder.embed(TEXTS, Progress.NONE);
        }
        try (BertSentenceEncoder encoder = BertSentenceEncoder.open(PretrainedEncoder.bgeSmall(), settings);
             EncoderTokens tokens = new EncoderTokens(PretrainedEncoder.bgeSmall().tokenizer(), settings.tokenBudget(),
                     settings.headTokens())) {
            assertThat(encoder.dimensions()).isEqualTo(384);
            ours = encoder.embed(TEXTS, Progress.NONE);
            ids = tokens.encode(TEXTS);
        }
        assertThat(ids[4]).hasSize(256);
        List<float[]> reference = OnnxRuntimeReference.run(PretrainedEncoder.BGE_SMALL_ONNX,
                SentencePooling.CLS_NORMALIZED, ids);
        assertThat(reference).hasSize(TEXTS.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(ours[i]).hasSize(384);
            assertThat(VectorMath.cosine(ours[i], reference.get(i))).as("cosine of text %d", i).isGreaterThan(0.9999);
            assertThat(VectorMath.maxAbsDifference(ours[i], reference.get(i))).as("text %d", i).isLessThan(1e-4f);
            assertThat(VectorMath.norm(ours[i])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(VectorMath.maxAbsDifference(onnxRuntime[i], reference.get(i))).as("text %d", i).isLessThan(1e-5f);
        }
    }
}
