package org.activelabeler.embedding.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activelabeler.embedding.Float16;
import org.activelabeler.embedding.VectorSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two processes write to one cache folder at the same time, as the desktop app and a simulate run would. */
@Timeout(60)
class SegmentVectorCacheProcessTest {
    private static final VectorSpace SPACE = new VectorSpace("a".repeat(64), 256, 8);

    @TempDir
    Path root;

    @Test
    void anotherProcessWritingAtTheSameTimeLosesNothing() throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Writer.class.getName(), root.toString(), "100", "400")
                .redirectErrorStream(true).start();
        java.io.BufferedReader fromOther = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream()));
        assertThat(fromOther.readLine()).isEqualTo("first batch written");
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, SPACE)) {
            for (int i = 0; i < 300; i += 5) {
                cache.put(SegmentVectorCacheTest.vectors(i, i + 5, 1));
                cache.contains(SegmentVectorCacheTest.key(399 - i));
            }
        }
        String output = fromOther.lines().collect(java.util.stream.Collectors.joining("\n"));
        assertThat(other.waitFor()).as(output).isZero();
        Map<String, float[]> all = SegmentVectorCacheTest.vectors(0, 400, 1);
        try (SegmentVectorCache cache = SegmentVectorCache.open(root, SPACE)) {
            Map<String, float[]> found = cache.get(all.keySet());
            assertThat(found).hasSize(400);
            all.forEach((key, vector) -> assertThat(found.get(key)).containsExactly(Float16.round(vector)));
            assertThat(SegmentVectorCacheTest.segments(cache.folder())).hasSize(2);
            assertThat(cache.ignoredRecords()).isZero();
        }
    }

    /**
     * The other process: puts texts {@code from..to-1} five at a time; after the first five it says so and
     * waits until the test's own segment appears, so that the two write at the same time.
     */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            int from = Integer.parseInt(args[1]);
            int to = Integer.parseInt(args[2]);
            try (SegmentVectorCache cache = SegmentVectorCache.open(Path.of(args[0]), SPACE)) {
                cache.put(SegmentVectorCacheTest.vectors(from, from + 5, 1));
                System.out.println("first batch written");
                System.out.flush();
                while (SegmentVectorCacheTest.segments(cache.folder()).size() < 2) {
                    Thread.sleep(1);
                }
                for (int i = from + 5; i < to; i += 5) {
                    cache.put(SegmentVectorCacheTest.vectors(i, Math.min(to, i + 5), 1));
                    cache.get(List.of(SegmentVectorCacheTest.key(i - from)));
                }
            }
        }
    }
}
