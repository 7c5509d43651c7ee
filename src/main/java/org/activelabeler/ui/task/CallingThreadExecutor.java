package org.activelabeler.ui.task;

import java.util.function.Consumer;
import org.activelabeler.progress.CancelledException;
import org.activelabeler.progress.Progress;

/** Runs each task at once on the calling thread: deterministic, for tests and tools. */
public final class CallingThreadExecutor implements TaskExecutor {
    private final TaskStatus status = new TaskStatus();

    @Override
    public <T> TaskHandle submit(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
                                 Consumer<Throwable> onFailure) {
        Handle handle = new Handle();
        status.started(title, handle);
        Progress progress = new Progress() {
            @Override
            public void update(String task, long done, long total) {
                status.progressed(task, total > 0 ? (double) done / total : -1);
            }

            @Override
            public boolean isCancelled() {
                return handle.cancelled;
            }
        };
        T result;
        try {
            result = work.run(progress);
            progress.checkCancelled();
        } catch (Exception e) {
            handle.done = true;
            status.finished(e instanceof CancelledException ? title + " cancelled" : title + " failed");
            onFailure.accept(e);
            return handle;
        }
        handle.done = true;
        status.finished(title + " done");
        onSuccess.accept(result);
        return handle;
    }

    @Override
    public TaskStatus status() {
        return status;
    }

    @Override
    public void close() {
    }

    private static final class Handle implements TaskHandle {
        volatile boolean cancelled;
        volatile boolean done;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }
}
