package org.activelabeler.strategy;

/**
 * A review proposed for labeling.
 *
 * @param row the review's row in the pool
 * @param rank 1 for the review asked first
 * @param score the strategy's score
 * @param positiveProbability the model's p(positive)
 */
public record RankedCandidate(int row, int rank, double score, double positiveProbability) {
}
