package org.activelabeler.model;

import java.nio.file.Path;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.progress.Progress;

/**
 * A binary sentiment model that is retrained from scratch on the labeled set and then gives
 * p(positive) for any rows of the same feature space. Not thread-safe: one training thread owns it.
 */
public interface Classifier extends AutoCloseable {

    /** What this model is, with its hyperparameters, for provenance. */
    ModelDescription description();

    /**
     * Trains a new model on the given rows; {@code labels[i]} is the class index of row {@code i}
     * (see {@link org.activelabeler.dataset.Sentiment#index()}).
     */
    TrainingReport fit(FeatureMatrix rows, int[] labels, Progress progress);

    /** p(positive) for every row of {@code rows}, from the last {@link #fit}. */
    float[] predictPositive(FeatureMatrix rows);

    /** Writes the trained model into {@code directory}, which is created if needed. */
    void save(Path directory);

    @Override
    void close();
}
