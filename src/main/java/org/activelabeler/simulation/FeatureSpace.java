package org.activelabeler.simulation;

/**
 * One feature space of an experiment: the pool and the holdout as rows of the same columns.
 *
 * @param name the feature blocks, for people and provenance ({@code tfidf,lsa,embeddings})
 */
public record FeatureSpace(String name, LabeledRows pool, LabeledRows holdout) {
}
