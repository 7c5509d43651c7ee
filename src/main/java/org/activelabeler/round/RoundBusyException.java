package org.activelabeler.round;

/** A retrain was asked for while another client retrains the same dataset. */
public final class RoundBusyException extends IllegalStateException {
    public RoundBusyException(String message) {
        super(message);
    }
}
