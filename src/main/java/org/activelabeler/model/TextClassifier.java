package org.activelabeler.model;

import java.nio.file.Path;
import java.util.List;
import org.activelabeler.progress.Progress;

/**
 * A model that reads the text itself, such as a pretrained transformer encoder with a
 * classification head. Unlike {@link Classifier} it keeps what it learned between fits when
 * its settings ask for a warm start. Not thread-safe: one training thread owns it.
 */
public interface TextClassifier extends AutoCloseable {

    ModelDescription description();

    /**
     * Fine-tunes on the texts; {@code labels[i]} is the class index of {@code texts.get(i)} in
     * {@code [0, classes)}. The number of classes stays that of the first fit.
     */
    TrainingReport fit(List<String> texts, int[] labels, int classes, Progress progress);

    /** The class probabilities of each text, with dropout off. */
    Predictions predict(List<String> texts, Progress progress);

    /**
     * The class probabilities of each text from {@code passes} forward passes with dropout on (MC
     * dropout): {@code result[t]} is pass {@code t}.
     */
    Predictions[] sample(List<String> texts, int passes, Progress progress);

    /** Writes the model so that it can be loaded again as an encoder folder. */
    void save(Path directory);

    @Override
    void close();
}
