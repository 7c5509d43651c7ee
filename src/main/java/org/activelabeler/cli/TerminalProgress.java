package org.activelabeler.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.activelabeler.progress.Progress;

/** Shows {@link Progress} as a progress bar on the terminal, one bar per task. */
final class TerminalProgress implements Progress, AutoCloseable {
    private ProgressBar bar;
    private String task;

    @Override
    public synchronized void update(String newTask, long done, long total) {
        if (bar == null || !newTask.equals(task) || bar.getMax() != total) {
            close();
            task = newTask;
            bar = new ProgressBarBuilder().setTaskName(newTask).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate()
                    .setMaxRenderedLength(100).build();
        }
        bar.stepTo(done);
    }

    /** Prints a line of its own, closing the bar first so the two do not mix. */
    public synchronized void println(String line) {
        close();
        System.out.println(line);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
