package org.activelabeler.tracking;

/**
 * Where the app hands tracking records. {@link #record} never blocks on the server and never
 * throws for a server problem: what cannot be sent waits in the outbox.
 */
public interface ExperimentTracker extends AutoCloseable {

    void record(TrackingEvent event);

    /** Records that wait in the outbox for the server. */
    int waiting();

    /** Sends what is queued, within the close timeout; what is left goes to the outbox. */
    @Override
    void close();
}
