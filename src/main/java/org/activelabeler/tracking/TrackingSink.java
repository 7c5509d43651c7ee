package org.activelabeler.tracking;

/** Sends tracking records to a server. Sending the same record twice must leave the same result. */
public interface TrackingSink extends AutoCloseable {

    /** Where records go, for messages; never holds credentials. */
    String address();

    /**
     * Which server this is, as stored with the outbox records made for it: its address, or a name that
     * stays the same across starts (a local server gets a new port each time). Never holds credentials.
     */
    default String target() {
        return address();
    }

    /** Whether the server answers now; cheap, and never throws. */
    boolean reachable();

    /** @throws TrackingException when the record was not (completely) stored */
    void send(TrackingEvent event);

    /** Where a sent run is seen in a browser; empty when unknown. Called only where {@link #send} is. */
    default java.util.Optional<String> runLink(RunRef run) {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
