package org.activelabeler.store;

/** A database problem, told in words a person can act on. Nothing half-written is left behind. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
