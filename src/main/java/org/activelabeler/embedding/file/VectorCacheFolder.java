package org.activelabeler.embedding.file;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the vector cache lives, shared by every dataset and data folder of the user: the system
 * property {@value #PROPERTY}, else the environment variable {@value #VARIABLE}, else the platform's
 * per-user cache folder ({@code $XDG_CACHE_HOME/active-labeler/vectors} or
 * {@code ~/.cache/active-labeler/vectors} on Linux, {@code ~/Library/Caches/Active Labeler/vectors} on
 * macOS, {@code %LOCALAPPDATA%\Active Labeler\cache\vectors} on Windows). A cache, so it may be deleted:
 * vectors are embedded again.
 */
public final class VectorCacheFolder {
    public static final String PROPERTY = "activelabeler.vectors";
    public static final String VARIABLE = "ACTIVE_LABELER_VECTORS";

    private VectorCacheFolder() {
    }

    public static Path resolve() {
        return resolve(System.getProperty(PROPERTY), System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    static Path resolve(String property, Map<String, String> env, String osName, Path home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property.strip());
        }
        String variable = env.get(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable.strip());
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return (local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData/Local"))
                    .resolve("Active Labeler").resolve("cache").resolve("vectors");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Caches/Active Labeler/vectors");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache")).resolve("active-labeler")
                .resolve("vectors");
    }
}
