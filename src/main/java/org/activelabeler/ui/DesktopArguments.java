package org.activelabeler.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activelabeler.app.StoreLocation;
import org.activelabeler.store.postgres.PostgresAddress;

/**
 * The desktop app's command line: {@code [--db DIR|URL] [FILE]}. Without a command the launcher opens the
 * window; these are the arguments that still mean the window. A file (from the command line, or
 * opened from the file manager) goes through the import dialog once the window is up.
 *
 * @param folder the data folder, or null for the per-user one
 * @param file a text file to import, or null
 * @param team a team's PostgreSQL database ({@code --db jdbc:postgresql://...}), or null
 */
public record DesktopArguments(Path folder, Path file, PostgresAddress team) {

    public DesktopArguments(Path folder, Path file) {
        this(folder, file, null);
    }

    /**
     * Whether these arguments are the window's rather than a command's: none, {@code --db}, or an
     * existing file where a command would be.
     */
    public static boolean areFor(String[] args) {
        return args.length == 0 || args[0].equals("--db") || args[0].startsWith("--db=")
                || !args[0].startsWith("-") && Files.isRegularFile(Path.of(args[0]));
    }

    /** @throws IllegalArgumentException saying what is wrong and what the window takes */
    public static DesktopArguments parse(List<String> args) {
        String db = null;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--db=")) {
                db = arg.substring("--db=".length());
            } else if (arg.equals("--db") && i + 1 < args.size()) {
                db = args.get(++i);
            } else if (file == null && !arg.startsWith("-")) {
                file = Path.of(arg);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("There is no file " + file.toAbsolutePath() + " to import; the"
                            + " window takes [--db DIR] [FILE]. For the command line: active-labeler --help");
                }
            } else {
                throw new IllegalArgumentException("The window takes [--db DIR|URL] [FILE]; '" + arg + "' is not one of"
                        + " them. For the command line: active-labeler --help");
            }
        }
        Path absolute = file == null ? null : file.toAbsolutePath();
        if (db == null) {
            return new DesktopArguments(null, absolute, null);
        }
        StoreLocation location = StoreLocation.parse(db);
        return location instanceof StoreLocation.Server server ? new DesktopArguments(null, absolute, server.address())
                : new DesktopArguments(location.localFolder(), absolute, null);
    }
}
