package org.activelabeler.labeling;

/**
 * A review in the ranked queue the last retrain produced.
 *
 * @param rank 1 for the review to ask first
 * @param score the strategy's score
 * @param positiveProbability the model's p(positive)
 */
public record QueueEntry(long reviewId, int rank, double score, double positiveProbability, String strategy) {
}
