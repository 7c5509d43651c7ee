package org.activelabeler.serving;

/**
 * The scorer threw, or answered something that cannot be a probability table. The message is short and meant for the
 * client; the cause, if any, is for the server's log only.
 */
final class ScorerException extends Exception {

    private static final long serialVersionUID = 1L;

    ScorerException(String message, Throwable cause) {
        super(message, cause);
    }

    ScorerException(String message) {
        super(message);
    }
}
