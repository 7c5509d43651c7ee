package org.activelabeler.serving;

/** The {@code error_code} values the server answers with, named as MLflow names them. */
final class ErrorCodes {

    static final String BAD_REQUEST = "BAD_REQUEST";
    static final String ENDPOINT_NOT_FOUND = "ENDPOINT_NOT_FOUND";
    static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";
    static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private ErrorCodes() {
    }
}
