package org.activelabeler.tracking;

import java.util.List;

/** Durable queue of tracking records that could not be sent yet. Implementations commit every call. */
public interface TrackingOutbox {

    void append(TrackingEvent event);

    /** The oldest entries, oldest first. */
    List<OutboxEntry> oldest(int limit);

    void remove(long seq);

    /** Notes why the entry could not be sent, for {@code sync} to report. */
    void recordFailure(long seq, String error);

    int count();
}
