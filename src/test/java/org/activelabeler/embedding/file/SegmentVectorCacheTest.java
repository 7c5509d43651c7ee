package org.activelabeler.embedding.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.activelabeler.embedding.Float16;
import org.activelabeler.embedding.TextKey;
import org.activelabeler.embedding.VectorSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SegmentVectorCacheTest {
    private static final VectorSpace SPACE = new VectorSpace("a".repeat(64), 256, 8);

    @TempDir
    Path root;

    @Test
    void vectorsPutByOneInstanceAreReadByTheNextInHalfPrecision() {
        Map<String, float[]> vectors = vectors(0, 50, 1);
        try (SegmentVectorCache writer = SegmentVectorCache.open(root, SPACE)) {
            writer.put(vectors);
        }
        try (SegmentVectorCache reader = SegmentVectorCache.open(root, SPACE)) {
            assertThat(reader.size()).isEqualTo(50);
            Map<String, float[]> found = reader.get(vectors.keySet());
            assertThat(found).hasSize(50);
            vectors.forEach((key, vector) -> assertThat(found.get(key)).containsExactly(Float16.round(vector)));
            assertThat(reader.contains(key(3))).isTrue();
            assertThat(reader.contains(key(51))).isFalse();
        }
    }

    @Test
    void anotherDigestOrTokenBudgetIsAnotherSpaceAndMisses() {
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, SPACE)) {
            cache.put(vectors(0, 5, 1));
        }
        for (VectorSpace other : List.of(new VectorSpace("b".repeat(64), 256, 8), new VectorSpace("a".repeat(64), 128, 8))) {
            try (SegmentVectorCache cache = SegmentVectorCache.open(root, other)) {
                assertThat(cache.get(List.of(key(0), key(1)))).isEmpty();
                assertThat(cache.contains(key(0))).isFalse();
                assertThat(cache.folder()).isNotEqualTo(root.resolve(SegmentVectorCache.folderName(SPACE)));
            }
        }
    }

    @Test
    void aSegmentWhoseHeaderNamesAnotherSpaceIsNotRead() throws IOException {
        Path folder;
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, SPACE)) {
            cache.put(vectors(0, 5, 1));
            folder = cache.folder();
        }
        Path foreign = Files.createDirectories(root.resolve(SegmentVectorCache.folderName(
                new VectorSpace("c".repeat(64), 256, 8))));
        for (Path segment : segments(folder)) {
            Files.copy(segment, foreign.resolve(segment.getFileName()));
        }
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, new VectorSpace("c".repeat(64), 256, 8))) {
            assertThat(cache.size()).isZero();
        }
    }

    @Test
    void aTornLastRecordIsIgnoredAndItsTextCanBePutAgain() throws IOException {
        Map<String, float[]> vectors = vectors(0, 10, 1);
        Path segment;
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, SPACE)) {
            cache.put(vectors);
            segment = segments(cache.folder()).get(0);
        }
        long record = 32 + 2 * 8 + 4;
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - record / 2);
        }
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, SPACE)) {
            assertThat(cache.size()).isEqualTo(9);
            assertThat(cache.contains(key(9))).isFalse();
            cache.put(Map.of(key(9), vectors.get(key(9))));
        }
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, SPACE)) {
            assertThat(cache.get(vectors.keySet())).hasSize(10);
        }
    }

    @Test
    void aWholeRecordWithAFailingChecksumIsIgnoredNotReadAsAVector() throws IOException {
        Path segment;
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, SPACE)) {
            cache.put(vectors(0, 3, 1));
            segment = segments(cache.folder()).get(0);
        }
        // what some file systems leave after a crash: the file grew, but the record's bytes are zeros
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.allocate(32 + 2 * 8 + 4));
        }
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, SPACE)) {
            assertThat(cache.size()).isEqualTo(3);
            assertThat(cache.ignoredRecords()).isEqualTo(1);
            assertThat(cache.contains("0".repeat(64))).isFalse();
        }
    }

    @Test
    void aVectorOfTheWrongLengthIsRefused() {
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, SPACE)) {
            assertThatThrownBy(() -> cache.put(Map.of(key(0), new float[3])))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 values");
        }
    }

    @Test
    void twoWritersAtOnceEachSeeTheOthersVectors() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        try (SegmentVectorCache first = SegmentVectorCache.open(root, SPACE);
             SegmentVectorCache second = SegmentVectorCache.open(root, SPACE)) {
            List<Future<?>> writers = new ArrayList<>();
            for (SegmentVectorCache cache : List.of(first, second)) {
                writers.add(pool.submit(() -> {
                    start.await();
                    // overlapping ranges: both may write the same texts
                    int from = cache == first ? 0 : 150;
                    for (int i = from; i < from + 250; i += 10) {
                        cache.put(vectors(i, i + 10, 1));
                        cache.get(List.of(key(i)));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            Map<String, float[]> all = vectors(0, 400, 1);
            for (SegmentVectorCache cache : List.of(first, second)) {
                Map<String, float[]> found = cache.get(all.keySet());
                assertThat(found).hasSize(400);
                all.forEach((key, vector) -> assertThat(found.get(key)).containsExactly(Float16.round(vector)));
            }
            assertThat(segments(first.folder())).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
        try (SegmentVectorCache third = SegmentVectorCache.open(root, SPACE)) {
            assertThat(third.size()).isEqualTo(400);
        }
    }

    static String key(int i) {
        return TextKey.of("text " + i);
    }

    /** Vectors for texts {@code from..to-1}, the same for the same text and seed. */
    static Map<String, float[]> vectors(int from, int to, long seed) {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            Random random = new Random(seed * 1_000_003 + i);
            float[] v = new float[SPACE.dimensions()];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian() * 0.1f;
            }
            vectors.put(key(i), v);
        }
        return vectors;
    }

    static List<Path> segments(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }
}
