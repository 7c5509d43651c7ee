package org.activelabeler.progress;

import java.util.Locale;

/**
 * Adds the time left to a long task's name ("Embedding texts: 3,210 of 45,000, about 38 min left"),
 * from the rate since the first report; for progress shown in the window, whose bar has no clock.
 */
public final class TimeLeft implements Progress {
    private static final long MIN_ELAPSED_NANOS = 10_000_000_000L;

    private final Progress target;
    private final long started = System.nanoTime();
    private long firstDone = -1;

    public TimeLeft(Progress target) {
        this.target = target;
    }

    @Override
    public void update(String task, long done, long total) {
        if (firstDone < 0) {
            firstDone = done;
        }
        target.update(describe(task, done, total, firstDone, System.nanoTime() - started), done, total);
    }

    @Override
    public boolean isCancelled() {
        return target.isCancelled();
    }

    /** The task with its count and, once a rate is known, the time left. */
    static String describe(String task, long done, long total, long firstDone, long elapsedNanos) {
        String count = String.format(Locale.ROOT, "%s: %,d of %,d", task, done, total);
        long progressed = done - firstDone;
        if (progressed <= 0 || elapsedNanos < MIN_ELAPSED_NANOS || done >= total) {
            return count;
        }
        double seconds = (total - done) * (elapsedNanos / 1e9) / progressed;
        String left = seconds < 90 ? Math.round(seconds) + " s" : seconds < 5400 ? Math.round(seconds / 60) + " min"
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        return count + ", about " + left + " left";
    }
}
