package org.activelabeler.dataset;

/**
 * One text as read from a file.
 *
 * @param text the text exactly as in the file
 * @param label the label as written in the file, or {@code null} where the row has none
 * @param id the row's id from the file's id column, or {@code null}
 * @param line the physical line the record starts on (1-based; in a CSV the header is line 1)
 */
public record SourceRow(String text, String label, String id, long line) {
}
