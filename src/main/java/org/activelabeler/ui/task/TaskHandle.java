package org.activelabeler.ui.task;

/** A task that was queued: it can be asked to stop. */
public interface TaskHandle {
    void cancel();

    boolean isDone();
}
