package org.activelabeler.dataset;

import java.nio.file.Path;

/** A data file that cannot be imported; the message names the file, the line and what to do. */
public class DatasetFormatException extends RuntimeException {
    private final Path file;
    private final long line;

    public DatasetFormatException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based physical line where the problem starts, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }
}
