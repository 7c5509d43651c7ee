package org.activelabeler.tracking;

/** Sends tracking records to a server. Sending the same record twice must leave the same result. */
public interface TrackingSink extends AutoCloseable {

    /** Where records go, for messages; never holds credentials. */
    String address();

    /** Whether the server answers now; cheap, and never throws. */
    boolean reachable();

    /** @throws TrackingException when the record was not (completely) stored */
    void send(TrackingEvent event);

    @Override
    void close();
}
