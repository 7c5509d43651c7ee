package org.activelabeler.labeling;

/**
 * A text in the ranked queue the last retrain produced.
 *
 * @param rank 1 for the text to ask first
 * @param score the strategy's score
 * @param topClass the class the model found most probable
 * @param topProbability its probability
 */
public record QueueEntry(long reviewId, int rank, double score, int topClass, double topProbability,
                         String strategy) {
}
