package org.activelabeler.ui;

import javafx.application.Application;

/**
 * Starts the desktop app. A class apart from {@link DesktopApp}: started from the class path, a
 * main class that extends {@code Application} fails with "JavaFX runtime components are missing".
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void main(String[] args) {
        // libtorch for the CPU ships in the class path: never let DJL reach for the network.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        try {
            DesktopArguments.parse(java.util.List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        try {
            Application.launch(DesktopApp.class, args);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // For example no display: say so in one line, not a stack trace.
            System.err.println("error: cannot open the window (" + e.getMessage() + "); the command line still works:"
                    + " active-labeler --help");
            System.exit(1);
        }
    }
}
