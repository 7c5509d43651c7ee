package org.activelabeler.dataset;

/**
 * A distinct review text ready to be stored.
 *
 * @param text the text as in the file
 * @param gold the file's label, or {@code null}
 * @param occurrences how many records of the file had this exact text
 * @param firstLine line of its first record
 * @param tokenIds the tokenizer's ids for {@link ReviewText#readable} of the text
 */
public record UniqueReview(String text, Sentiment gold, int occurrences, long firstLine, int[] tokenIds) {
}
