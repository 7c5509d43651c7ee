package org.activelabeler.ui.labeling;

/**
 * A review waiting in the queue, as the side panel lists it.
 *
 * @param rank the strategy's rank, or 0 when the review is not ranked (file order)
 * @param positiveProbability the model's p(positive), or NaN before any model scored it
 * @param score the strategy's score, or NaN
 * @param snippet the first words of the review, or empty while it is being read
 * @param drawnAtRandom an audit draw of the two-speed loop rather than a ranked review
 */
public record QueueRow(long reviewId, int rank, double positiveProbability, double score, String snippet,
                       boolean drawnAtRandom) {
}
