package org.activelabeler.dataset;

/**
 * A distinct text ready to be stored.
 *
 * @param text the text as in the file
 * @param gold the file's label as a class index, or -1
 * @param sourceId the row's id in the file's id column, or null
 * @param occurrences how many records of the file had this exact text
 * @param firstLine line of its first record
 * @param tokenIds the tokenizer's ids for {@link ReviewText#readable} of the text
 */
public record UniqueReview(String text, int gold, String sourceId, int occurrences, long firstLine, int[] tokenIds) {
}
