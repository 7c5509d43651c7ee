package org.activelabeler.dataset;

/**
 * One review as read from a file.
 *
 * @param text the review exactly as in the file
 * @param gold the label in the file, or {@code null} for unlabeled data
 * @param line the physical line the record starts on (1-based, the header is line 1)
 */
public record SourceRow(String text, Sentiment gold, long line) {
}
