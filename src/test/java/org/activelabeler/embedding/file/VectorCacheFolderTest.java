package org.activelabeler.embedding.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorCacheFolderTest {
    private static final Path HOME = Path.of("/home/ann");

    @Test
    void thePropertyWinsThenTheVariableThenThePlatformCacheFolder() {
        Map<String, String> env = Map.of(VectorCacheFolder.VARIABLE, "/data/vectors");
        assertThat(VectorCacheFolder.resolve("/tmp/v", env, "Linux", HOME)).isEqualTo(Path.of("/tmp/v"));
        assertThat(VectorCacheFolder.resolve(null, env, "Linux", HOME)).isEqualTo(Path.of("/data/vectors"));
        assertThat(VectorCacheFolder.resolve(" ", Map.of(), "Linux", HOME))
                .isEqualTo(Path.of("/home/ann/.cache/active-labeler/vectors"));
        assertThat(VectorCacheFolder.resolve(null, Map.of("XDG_CACHE_HOME", "/xdg"), "Linux", HOME))
                .isEqualTo(Path.of("/xdg/active-labeler/vectors"));
        assertThat(VectorCacheFolder.resolve(null, Map.of(), "Mac OS X", HOME))
                .isEqualTo(Path.of("/home/ann/Library/Caches/Active Labeler/vectors"));
        assertThat(VectorCacheFolder.resolve(null, Map.of("LOCALAPPDATA", "/c/Users/ann/AppData/Local"), "Windows 11", HOME))
                .isEqualTo(Path.of("/c/Users/ann/AppData/Local/Active Labeler/cache/vectors"));
    }
}
