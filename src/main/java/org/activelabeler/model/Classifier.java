package org.activelabeler.model;

import java.nio.file.Path;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.progress.Progress;

/**
 * A model over feature rows that is retrained from scratch on the labeled set and then gives class
 * probabilities for any rows of the same feature space. Not thread-safe: one training thread owns it.
 */
public interface Classifier extends AutoCloseable {

    /** What this model is, with its hyperparameters, for provenance. */
    ModelDescription description();

    /**
     * Trains a new model on the given rows; {@code labels[i]} is the class index of row {@code i},
     * in {@code [0, classes)} (see {@link org.activelabeler.dataset.LabelSet}).
     */
    TrainingReport fit(FeatureMatrix rows, int[] labels, int classes, Progress progress);

    /**
     * A round's fit: like {@link #fit}, but a model may go on from what it learned in the round before
     * (on fewer labels of the same feature space) instead of starting afresh.
     */
    default TrainingReport fitFromLast(FeatureMatrix rows, int[] labels, int classes, Progress progress) {
        return fit(rows, labels, classes, progress);
    }

    /** The class probabilities of every row of {@code rows}, from the last {@link #fit}. */
    Predictions predict(FeatureMatrix rows);

    /**
     * The last fit's weights of the columns below {@code below}, for a model that is linear in them
     * (what explains a prediction word by word); empty for any other model or before a fit.
     */
    default java.util.Optional<LinearWeights> linearWeights(int below) {
        return java.util.Optional.empty();
    }

    /**
     * How many fits of models like this one can run at once on this machine, each on its own thread,
     * without slowing one another down; more than 1 only for a model that makes {@link #sibling siblings}.
     */
    default int concurrentFits() {
        return 1;
    }

    /**
     * A new, untrained model with this one's settings, for fits on another thread beside this one (each
     * model is owned by one thread); its fits give what this model's would on the same rows.
     */
    default Classifier sibling() {
        throw new UnsupportedOperationException(description().name() + " models cannot be copied");
    }

    /** Writes the trained model into {@code directory}, which is created if needed. */
    void save(Path directory);

    @Override
    void close();
}
