package org.activelabeler.tracking;

/**
 * The server did not take a record for a reason of its own that passes (it is down, overloaded,
 * answering 5xx, or not answering in time), not because it refuses the record: sending waits and
 * tries again, and the record's run is not held back as refused.
 */
public class ServerUnavailableException extends TrackingException {
    public ServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
