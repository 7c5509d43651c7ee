package org.activelabeler.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.activelabeler.embedding.file.SegmentVectorCache;
import org.activelabeler.progress.CancelledException;
import org.activelabeler.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Embeddings#embedAll} over the real file cache. The encoder is a small deterministic one written
 * here (byte statistics of the text) that records what it was asked to embed.
 */
class EmbeddingsTest {
    @TempDir
    Path root;

    private final List<String> texts = IntStream.range(0, 50).mapToObj(i -> "review number " + i).toList();

    @Test
    void onlyMissingDistinctTextsAreEmbeddedAndAllComeBackInOrder() {
        CountingEncoder encoder = new CountingEncoder("v1", 256);
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, encoder.space())) {
            Embeddings.embedAll(texts.subList(0, 20), encoder, cache, Progress.NONE, 8);
            encoder.seen.clear();
            List<String> withDuplicates = new ArrayList<>(texts);
            withDuplicates.add(texts.get(30));
            withDuplicates.add(texts.get(3));
            float[][] vectors = Embeddings.embedAll(withDuplicates, encoder, cache, Progress.NONE, 8);

            assertThat(encoder.seen).containsExactlyElementsOf(texts.subList(20, 50));
            assertThat(vectors).hasNumberOfRows(52);
            for (int i = 0; i < withDuplicates.size(); i++) {
                assertThat(vectors[i]).containsExactly(Float16.round(CountingEncoder.vector(withDuplicates.get(i))));
            }
        }
    }

    @Test
    void aCancelledRunKeepsTheChunksItFinishedAndTheNextRunResumes() {
        CountingEncoder encoder = new CountingEncoder("v1", 256);
        List<Long> progress = new ArrayList<>();
        Progress cancelAfter20 = new Progress() {
            @Override
            public void update(String task, long done, long total) {
                progress.add(done);
            }

            @Override
            public boolean isCancelled() {
                return !progress.isEmpty() && progress.get(progress.size() - 1) >= 20;
            }
        };
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, encoder.space())) {
            assertThatThrownBy(() -> Embeddings.embedAll(texts, encoder, cache, cancelAfter20, 10))
                    .isInstanceOf(CancelledException.class);
        }
        assertThat(encoder.seen).hasSize(20);
        encoder.seen.clear();
        progress.clear();
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, encoder.space())) {
            assertThat(cache.size()).isEqualTo(20);
            Embeddings.embedAll(texts, encoder, cache, (task, done, total) -> progress.add(done), 10);
        }
        assertThat(encoder.seen).containsExactlyElementsOf(texts.subList(20, 50));
        assertThat(progress.get(0)).isEqualTo(20);
        assertThat(progress).isSorted().last().isEqualTo(50L);
    }

    @Test
    void anotherEncoderDigestOrTokenBudgetEmbedsAgain() {
        CountingEncoder first = new CountingEncoder("v1", 256);
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, first.space())) {
            Embeddings.embedAll(texts, first, cache, Progress.NONE);
        }
        for (CountingEncoder other : List.of(new CountingEncoder("v2", 256), new CountingEncoder("v1", 128))) {
            try (SegmentVectorCache cache = SegmentVectorCache.open(root, other.space())) {
                Embeddings.embedAll(texts, other, cache, Progress.NONE);
            }
            assertThat(other.seen).hasSize(50);
        }
    }

    @Test
    void aCacheOfAnotherSpaceIsRefused() {
        CountingEncoder encoder = new CountingEncoder("v1", 256);
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, new CountingEncoder("v2", 256).space())) {
            assertThatThrownBy(() -> Embeddings.embedAll(texts, encoder, cache, Progress.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the vectors of counting");
        }
    }

    /** Vectors from the bytes of the text; records the texts it embedded. */
    static final class CountingEncoder implements SentenceEncoder {
        final List<String> seen = new ArrayList<>();
        private final String version;
        private final int budget;

        CountingEncoder(String version, int budget) {
            this.version = version;
            this.budget = budget;
        }

        static float[] vector(String text) {
            float[] v = new float[4];
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                v[i % 4] += bytes[i] / 100f;
            }
            return v;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String digest() {
            return TextKey.of("counting " + version + " " + budget);
        }

        @Override
        public int dimensions() {
            return 4;
        }

        @Override
        public int tokenBudget() {
            return budget;
        }

        @Override
        public float[][] embed(List<String> batch, Progress progress) {
            seen.addAll(batch);
            return batch.stream().map(CountingEncoder::vector).toArray(float[][]::new);
        }

        @Override
        public void close() {
        }
    }
}
