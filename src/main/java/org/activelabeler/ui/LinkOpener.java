package org.activelabeler.ui;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Opens an address in the browser on a thread of its own; says so on the UI thread when it cannot. */
final class LinkOpener {
    private final Consumer<String> browser;
    private final Executor uiThread;
    private final Consumer<String> showError;

    LinkOpener(Consumer<String> browser, Executor uiThread, Consumer<String> showError) {
        this.browser = browser;
        this.uiThread = uiThread;
        this.showError = showError;
    }

    void open(String link) {
        Thread thread = new Thread(() -> {
            try {
                browser.accept(link);
            } catch (RuntimeException e) {
                uiThread.execute(() -> showError.accept("No web browser could open " + link + " ("
                        + ErrorMessages.describe(e) + "); copy the address into a browser."));
            }
        }, "active-labeler-browser");
        thread.setDaemon(true);
        thread.start();
    }
}
