package org.activelabeler.training.djl.bert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.activelabeler.embedding.Embeddings;
import org.activelabeler.embedding.file.SegmentVectorCache;
import org.activelabeler.progress.CancelledException;
import org.activelabeler.progress.Progress;
import org.activelabeler.testsupport.SyntheticReviews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The DJL sentence encoder on a tiny random BERT that the test writes, on the CPU. */
@Timeout(120)
class BertSentenceEncoderTest {
    @TempDir
    static Path models;
    static Path meanFolder;
    static Path clsFolder;
    static List<String> texts;

    @BeforeAll
    static void writeModels() throws IOException {
        meanFolder = TinyBert.write(models.resolve("mean"), 5);
        clsFolder = TinyBert.write(models.resolve("cls"), 5);
        TinyBert.poolLikeBge(clsFolder);
        texts = new ArrayList<>(new SyntheticReviews(11).distinct(30).stream().map(SyntheticReviews.Review::text).toList());
        texts.add("ok");
        texts.add("A long one. " + "It goes on and on.<br />".repeat(60));
    }

    @Test
    void batchedLengthSortedVectorsComeBackInInputOrderAndMatchOneByOne() {
        try (BertSentenceEncoder encoder = open(meanFolder, EmbeddingSettings.cpu().withBatchTokens(300))) {
            float[][] batched = encoder.embed(texts, Progress.NONE);
            assertThat(batched).hasNumberOfRows(texts.size());
            for (int i : new int[] {0, 7, texts.size() - 2, texts.size() - 1}) {
                float[] alone = encoder.embed(List.of(texts.get(i)), Progress.NONE)[0];
                assertThat(alone).hasSize(32);
                assertThat(VectorMath.maxAbsDifference(batched[i], alone)).as("text %d", i).isLessThan(1e-5f);
            }
        }
    }

    @Test
    void poolingComesFromTheFolderAndClsVectorsAreUnitLength() {
        assertThat(PretrainedEncoder.fromFolder("mean", meanFolder).pooling()).isEqualTo(SentencePooling.MEAN);
        assertThat(PretrainedEncoder.fromFolder("cls", clsFolder).pooling()).isEqualTo(SentencePooling.CLS_NORMALIZED);
        try (BertSentenceEncoder mean = open(meanFolder, EmbeddingSettings.cpu());
             BertSentenceEncoder cls = open(clsFolder, EmbeddingSettings.cpu())) {
            float[] m = mean.embed(texts.subList(0, 1), Progress.NONE)[0];
            float[] c = cls.embed(texts.subList(0, 1), Progress.NONE)[0];
            assertThat(VectorMath.norm(c)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(VectorMath.norm(m)).isNotCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-2));
            assertThat(mean.digest()).isNotEqualTo(cls.digest());
            assertThat(cls.definition()).contains("pooling=cls+l2", "tokens=256", "truncation=head64+tail190");
        }
    }

    @Test
    void theDigestNamesTheTokenBudgetButNotTheBatchOrPrecision() {
        try (BertSentenceEncoder a = open(meanFolder, EmbeddingSettings.cpu());
             BertSentenceEncoder b = open(meanFolder, EmbeddingSettings.cpu().withTokenBudget(128));
             BertSentenceEncoder c = open(meanFolder, EmbeddingSettings.cpu().withBatchTokens(512)
                     .withComputeType(DataType.FLOAT16))) {
            assertThat(a.digest()).isNotEqualTo(b.digest()).isEqualTo(c.digest()).hasSize(64);
            assertThat(b.definition()).contains("tokens=128", "truncation=head32+tail94");
            assertThat(a.space().tokenBudget()).isEqualTo(256);
        }
    }

    @Test
    void progressComesPerBatchAndCancelStopsBetweenBatches() {
        try (BertSentenceEncoder encoder = open(meanFolder, EmbeddingSettings.cpu().withBatchTokens(256))) {
            List<Long> done = new ArrayList<>();
            encoder.embed(texts, (task, d, total) -> done.add(d));
            assertThat(done.size()).isGreaterThan(2);
            assertThat(done).isSorted().last().isEqualTo((long) texts.size());

            AtomicInteger batches = new AtomicInteger();
            Progress cancelAfterTwo = new Progress() {
                @Override
                public void update(String task, long d, long total) {
                    batches.incrementAndGet();
                }

                @Override
                public boolean isCancelled() {
                    return batches.get() >= 2;
                }
            };
            assertThatThrownBy(() -> encoder.embed(texts, cancelAfterTwo)).isInstanceOf(CancelledException.class);
            assertThat(batches.get()).isEqualTo(2);
        }
    }

    /** The GPU's setting, FP16 matrix products, run on the CPU: close to FP32, not the same. */
    @Test
    void fp16ProductsStayCloseToFp32() {
        try (BertSentenceEncoder full = open(clsFolder, EmbeddingSettings.cpu());
             BertSentenceEncoder half = open(clsFolder, EmbeddingSettings.cpu().withComputeType(DataType.FLOAT16))) {
            float[][] a = full.embed(texts.subList(0, 8), Progress.NONE);
            float[][] b = half.embed(texts.subList(0, 8), Progress.NONE);
            for (int i = 0; i < a.length; i++) {
                assertThat(VectorMath.cosine(a[i], b[i])).isGreaterThan(0.999);
            }
            assertThat(VectorMath.maxAbsDifference(a[0], b[0])).isGreaterThan(0f);
        }
    }

    @Test
    void theGpuSettingsAreFp16AndTheCpuSettingsFp32() {
        assertThat(EmbeddingSettings.gpu().computeType()).isEqualTo(DataType.FLOAT16);
        assertThat(EmbeddingSettings.gpu().device().getDeviceType()).isEqualTo("gpu");
        assertThat(EmbeddingSettings.cpu().computeType()).isEqualTo(DataType.FLOAT32);
        assertThat(EmbeddingSettings.preferred(ai.djl.engine.Engine.getEngine("PyTorch")))
                .isEqualTo(ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount() > 0
                        ? EmbeddingSettings.gpu() : EmbeddingSettings.cpu());
    }

    @Test
    void batchesHoldAtMostTheirTokensAndAtLeastOneText() {
        EmbeddingSettings settings = EmbeddingSettings.cpu().withBatchTokens(2048);
        assertThat(settings.batchEnds(new int[] {10, 10, 20, 256, 256, 256, 256, 256, 256, 256, 256, 256}))
                .containsExactly(8, 12);
        assertThat(settings.batchEnds(new int[] {})).isEmpty();
        assertThat(EmbeddingSettings.cpu().withBatchTokens(256).batchEnds(new int[] {256, 256})).containsExactly(1, 2);
    }

    @Test
    void embedAllWithTheFileCacheEmbedsEachTextOnceAcrossRuns(@TempDir Path cacheRoot) {
        try (BertSentenceEncoder encoder = open(meanFolder, EmbeddingSettings.cpu());
             SegmentVectorCache cache = SegmentVectorCache.open(cacheRoot, encoder.space())) {
            float[][] first = Embeddings.embedAll(texts, encoder, cache, Progress.NONE, 8);
            assertThat(cache.size()).isEqualTo(texts.size());
            List<Long> progress = new ArrayList<>();
            float[][] again;
            try (SegmentVectorCache reopened = SegmentVectorCache.open(cacheRoot, encoder.space())) {
                again = Embeddings.embedAll(texts, encoder, reopened, (t, d, total) -> progress.add(d), 8);
            }
            assertThat(progress).containsExactly((long) texts.size());
            for (int i = 0; i < texts.size(); i++) {
                assertThat(again[i]).containsExactly(first[i]);
            }
        }
    }

    private static BertSentenceEncoder open(Path folder, EmbeddingSettings settings) {
        return BertSentenceEncoder.open(PretrainedEncoder.fromFolder(folder.getFileName().toString(), folder), settings);
    }
}
