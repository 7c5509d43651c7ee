package org.activelabeler.progress;

/** Thrown by long work that stopped because it was asked to; whatever it was writing is rolled back. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("Cancelled");
    }
}
