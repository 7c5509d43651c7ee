package org.activelabeler.tracking;

/**
 * Closes a run.
 *
 * @param status {@code FINISHED}, {@code FAILED} or {@code KILLED}
 */
public record RunEnd(RunRef run, String status, long endMillis) implements TrackingEvent {
    public static final String FINISHED = "FINISHED";
    public static final String FAILED = "FAILED";
}
