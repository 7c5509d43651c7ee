package org.activelabeler.labeling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * How fast an annotator labels today: the labels given and the time spent giving them, which is the
 * sum of the gaps between consecutive labels that are shorter than {@link #IDLE} (a longer gap is a
 * break, and the label after it counts as the start of new work, with no time of its own).
 */
public final class LabelingPace {
    public static final Duration IDLE = Duration.ofMinutes(5);

    private int labels;
    private Duration active = Duration.ZERO;
    private Instant last;

    /** @param times today's labels, oldest first */
    public LabelingPace(List<Instant> times) {
        times.forEach(this::add);
    }

    public void add(Instant time) {
        if (last != null) {
            Duration gap = Duration.between(last, time);
            if (!gap.isNegative() && gap.compareTo(IDLE) < 0) {
                active = active.plus(gap);
            }
        }
        last = last == null || time.isAfter(last) ? time : last;
        labels++;
    }

    public int labels() {
        return labels;
    }

    public Duration active() {
        return active;
    }

    /** Labels per hour of active time; NaN before a minute of it. */
    public double perHour() {
        return active.compareTo(Duration.ofMinutes(1)) < 0 ? Double.NaN : labels * 3600.0 / active.toSeconds();
    }

    /** {@code Today: 42 labels in 18 min, 140 an hour}. */
    public String describe() {
        if (labels == 0) {
            return "Today: no labels yet";
        }
        long minutes = active.toMinutes();
        String time = minutes >= 60 ? String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60)
                : minutes + " min";
        double rate = perHour();
        return "Today: " + labels + (labels == 1 ? " label" : " labels") + " in " + time
                + (Double.isNaN(rate) ? "" : String.format(Locale.ROOT, ", %.0f an hour", rate));
    }
}
