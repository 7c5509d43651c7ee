package org.activelabeler.ui.task;

import java.util.function.Consumer;

/**
 * Runs long work off the UI thread, one piece at a time and in order (the DJL trainer is not
 * thread-safe), and hands the outcome back on the UI thread. The desktop one wraps
 * {@code javafx.concurrent.Task} on one background thread; {@link CallingThreadExecutor} runs
 * everything at once on the caller's thread, so that tests are deterministic.
 */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Queues {@code work}. Exactly one of {@code onSuccess}, {@code onFailure} runs afterwards, on the
     * UI thread; a cancelled task ends in {@code onFailure} with a
     * {@link org.activelabeler.progress.CancelledException}.
     */
    <T> TaskHandle submit(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
                          Consumer<Throwable> onFailure);

    /** What is running now, for the status bar. */
    TaskStatus status();

    /** Stops taking work and lets the running task finish (at most a few seconds). */
    @Override
    void close();
}
