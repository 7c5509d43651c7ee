package org.activelabeler.strategy;

/**
 * A text proposed for labeling.
 *
 * @param row the text's row in the pool
 * @param rank 1 for the text asked first
 * @param score the strategy's score
 * @param topClass the class the model finds most probable
 * @param topProbability its probability
 */
public record RankedCandidate(int row, int rank, double score, int topClass, double topProbability) {
}
