package org.activelabeler.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the application keeps its database, caches and logs: {@code ACTIVE_LABELER_HOME} when set,
 * otherwise the platform's per-user data folder. Never the install folder.
 */
public final class DataFolder {
    private DataFolder() {
    }

    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static Path resolve(Map<String, String> env, String osName, Path home) {
        String override = env.get("ACTIVE_LABELER_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("Active Labeler");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Active Labeler");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("active-labeler");
    }
}
