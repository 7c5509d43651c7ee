package org.activelabeler.serving;

import java.util.Objects;

/**
 * How a {@link ScoringServer} listens and what it accepts.
 *
 * @param host          the address to bind, {@code 127.0.0.1} by default
 * @param port          the port to bind; 0 picks a free one
 * @param maxBodyBytes  the largest request body read; a larger one is answered 413
 * @param maxRows       the most rows one request may hold; more are answered 413
 * @param batchSize     the most texts handed to the scorer in one call
 * @param textColumn    the name of the column (or field) holding the texts
 */
public record ServerSettings(String host, int port, int maxBodyBytes, int maxRows, int batchSize, String textColumn) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
    public static final int DEFAULT_MAX_ROWS = 10_000;
    public static final int DEFAULT_BATCH_SIZE = 256;
    public static final String DEFAULT_TEXT_COLUMN = "text";

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(textColumn, "textColumn");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        // limit + 1 bytes are read to tell "at the limit" from "over it"
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBodyBytes must be positive and below 2 GiB, got " + maxBodyBytes);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive, got " + maxRows);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        if (textColumn.isEmpty()) {
            throw new IllegalArgumentException("textColumn is empty");
        }
    }

    /** 127.0.0.1, a free port, 10 MiB, 10,000 rows, batches of 256, column {@code text}. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, 0, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_ROWS, DEFAULT_BATCH_SIZE,
                DEFAULT_TEXT_COLUMN);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, maxBodyBytes, maxRows, batchSize, textColumn);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, maxBodyBytes, maxRows, batchSize, textColumn);
    }

    public ServerSettings withMaxBodyBytes(int newMaxBodyBytes) {
        return new ServerSettings(host, port, newMaxBodyBytes, maxRows, batchSize, textColumn);
    }

    public ServerSettings withMaxRows(int newMaxRows) {
        return new ServerSettings(host, port, maxBodyBytes, newMaxRows, batchSize, textColumn);
    }

    public ServerSettings withBatchSize(int newBatchSize) {
        return new ServerSettings(host, port, maxBodyBytes, maxRows, newBatchSize, textColumn);
    }

    public ServerSettings withTextColumn(String newTextColumn) {
        return new ServerSettings(host, port, maxBodyBytes, maxRows, batchSize, newTextColumn);
    }
}
