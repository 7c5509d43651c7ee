package org.activelabeler.serving;

/**
 * A request the server refuses, with the HTTP status and MLflow error code to answer it with. Its message is
 * written to the client as is, so it says what is wrong in the client's terms and holds nothing internal.
 */
public class BadPayloadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    private BadPayloadException(int status, String errorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** 400: the body cannot be read as a scoring payload. */
    public static BadPayloadException badRequest(String message) {
        return new BadPayloadException(400, ErrorCodes.BAD_REQUEST, message);
    }

    /** 413: the body or its row count is over the server's limit. */
    public static BadPayloadException tooLarge(String message) {
        return new BadPayloadException(413, ErrorCodes.REQUEST_LIMIT_EXCEEDED, message);
    }

    /** 415: the content type is not one the server reads. */
    public static BadPayloadException unsupportedMediaType(String message) {
        return new BadPayloadException(415, ErrorCodes.BAD_REQUEST, message);
    }

    public int status() {
        return status;
    }

    /** The MLflow error code, e.g. {@code BAD_REQUEST}. */
    public String errorCode() {
        return errorCode;
    }
}
