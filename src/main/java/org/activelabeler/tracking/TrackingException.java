package org.activelabeler.tracking;

/** A tracking record could not be stored by the server; the message says what was tried and why. */
public class TrackingException extends RuntimeException {
    public TrackingException(String message) {
        super(message);
    }

    public TrackingException(String message, Throwable cause) {
        super(message, cause);
    }
}
