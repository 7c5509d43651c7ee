package org.activelabeler.installer;

import java.nio.file.Path;
import org.activelabeler.app.DataFolder;

/**
 * The main class of the installed program (jpackage launcher). It runs {@code org.activelabeler.cli.Main}
 * unchanged, after pointing every cache that the libraries would otherwise put in the home folder at the
 * per-user data folder ({@code ACTIVE_LABELER_HOME}, else {@code ~/.local/share/active-labeler},
 * {@code ~/Library/Application Support/Active Labeler} or {@code %APPDATA%\Active Labeler}):
 * DJL's extracted natives (libtorch, tokenizers), JavaFX's extracted natives and JNA's. Nothing is written
 * to the install folder, and DJL stays offline: the natives come from the jars in the package.
 * A value the user set (system property, or DJL_CACHE_DIR / ENGINE_CACHE_DIR in the environment, which
 * DJL reads first) wins.
 */
public final class PackagedMain {
    private PackagedMain() {
    }

    public static void main(String[] args) {
        Path cache = DataFolder.resolve().resolve("cache");
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("DJL_CACHE_DIR", cache.resolve("djl").toString());
        setIfAbsent("ENGINE_CACHE_DIR", cache.resolve("djl").toString());
        setIfAbsent("javafx.cachedir", cache.resolve("openjfx").toString());
        setIfAbsent("jna.tmpdir", cache.resolve("jna").toString());
        if (args.length == 1 && isDataFile(args[0])) {
            // Opened from the file manager (the .csv file association): the window, not the command line.
            // The window does not import the file by itself yet; its welcome screen offers Import dataset.
            org.activelabeler.cli.Main.main(new String[0]);
            return;
        }
        org.activelabeler.cli.Main.main(args);
    }

    private static boolean isDataFile(String arg) {
        String name = arg.toLowerCase(java.util.Locale.ROOT);
        return (name.endsWith(".csv") || name.endsWith(".csv.gz") || name.startsWith("file:"))
                && !arg.startsWith("-");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
