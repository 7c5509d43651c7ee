package org.activelabeler.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * The desktop app's command line: {@code [--db DIR]}. Without a command the launcher opens the window;
 * these are the arguments that still mean the window.
 *
 * @param folder the data folder, or null for the per-user one
 */
public record DesktopArguments(Path folder) {

    /** Whether these arguments are the window's rather than a command's. */
    public static boolean areFor(String[] args) {
        return args.length == 0 || args[0].equals("--db") || args[0].startsWith("--db=");
    }

    /** @throws IllegalArgumentException saying what is wrong and what the window takes */
    public static DesktopArguments parse(List<String> args) {
        Path folder = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--db=")) {
                folder = Path.of(arg.substring("--db=".length()));
            } else if (arg.equals("--db") && i + 1 < args.size()) {
                folder = Path.of(args.get(++i));
            } else {
                throw new IllegalArgumentException("The window takes [--db DIR]; '" + arg + "' is not one of them."
                        + " For the command line: active-labeler --help");
            }
        }
        return new DesktopArguments(folder);
    }
}
