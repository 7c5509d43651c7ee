package org.activelabeler.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.activelabeler.progress.CancelledException;
import org.activelabeler.progress.Progress;

/**
 * The desktop executor: one daemon thread runs {@link Task}s in order. Progress, success and
 * failure reach the UI thread through the task's own properties and events.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService thread;
    private final TaskStatus status = new TaskStatus();

    public FxTaskExecutor() {
        this("active-labeler-background");
    }

    /** @param threadName the name of its one thread */
    public FxTaskExecutor(String threadName) {
        thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> TaskHandle submit(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
                                 Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                Platform.runLater(() -> status.started(title, handle(this)));
                T result = work.run(new Progress() {
                    @Override
                    public void update(String step, long done, long total) {
                        updateMessage(step);
                        updateProgress(total > 0 ? done : -1, total > 0 ? total : 1);
                    }

                    @Override
                    public boolean isCancelled() {
                        return isCancelled0();
                    }
                });
                if (isCancelled()) {
                    throw new CancelledException();
                }
                return result;
            }

            private boolean isCancelled0() {
                return isCancelled();
            }
        };
        task.messageProperty().addListener((obs, old, text) -> status.progressed(text, task.getProgress()));
        task.progressProperty().addListener((obs, old, value) -> status.progressed(task.getMessage(),
                value.doubleValue()));
        task.setOnSucceeded(e -> {
            status.finished(title + " done");
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            status.finished(error instanceof CancelledException ? title + " cancelled" : title + " failed");
            onFailure.accept(error);
        });
        task.setOnCancelled(e -> {
            status.finished(title + " cancelled");
            onFailure.accept(new CancelledException());
        });
        if (thread.isShutdown()) {
            // the window is closing: a callback of work that finished meanwhile asks for more
            task.cancel(false);
            return handle(task);
        }
        thread.execute(task);
        return handle(task);
    }

    private static TaskHandle handle(Task<?> task) {
        return new TaskHandle() {
            @Override
            public void cancel() {
                // Cancel without interrupting: the work checks the flag between steps and rolls back.
                task.cancel(false);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }

    @Override
    public TaskStatus status() {
        return status;
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
