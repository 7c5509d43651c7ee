package org.activelabeler.tracking;

import java.util.List;

/**
 * Durable queue of tracking records that could not be sent yet, each with the server it was made
 * for. Implementations make every call durable before it returns.
 */
public interface TrackingOutbox {

    /** @param target the server the record was made for ({@link TrackingSink#target()}), or null for any */
    void append(TrackingEvent event, String target);

    /** Up to {@code limit} entries with a sequence number above {@code afterSeq}, oldest first. */
    List<OutboxEntry> after(long afterSeq, int limit);

    void remove(long seq);

    /** Notes why the entry could not be sent, for {@code sync} to report. */
    void recordFailure(long seq, String error);

    /** Makes the records made for {@code from} records for {@code to}; returns how many. */
    int retarget(String from, String to);

    int count();
}
