package org.activelabeler.ui.labeling;

/**
 * A text waiting in the queue, as the side panel lists it.
 *
 * @param rank the strategy's rank, or 0 when the text is not ranked (file order)
 * @param topClass the class the model finds most probable, or null before any model scored it
 * @param topProbability its probability, or NaN
 * @param score the strategy's score, or NaN
 * @param snippet the first words of the text, or empty while it is being read
 * @param drawnAtRandom an audit draw of the two-speed loop rather than a ranked text
 */
public record QueueRow(long reviewId, int rank, String topClass, double topProbability, double score, String snippet,
                       boolean drawnAtRandom) {
}
