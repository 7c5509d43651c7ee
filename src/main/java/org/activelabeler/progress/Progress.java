package org.activelabeler.progress;

/**
 * Where long work reports how far it got and learns whether it should stop. The terminal shows it
 * as a progress bar; the GUI as a progress indicator with a cancel button.
 */
public interface Progress {
    Progress NONE = (task, done, total) -> { };

    /** Reports that {@code done} of {@code total} units of {@code task} are finished. */
    void update(String task, long done, long total);

    /** Whether the person asked to stop; long work checks this between steps. */
    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link CancelledException} when the work should stop. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
