package org.activelabeler.model;

import java.nio.file.Path;
import java.util.List;
import org.activelabeler.progress.Progress;

/**
 * A sentiment model that reads the review text itself, such as a pretrained transformer encoder
 * with a classification head. Unlike {@link Classifier} it keeps what it learned between fits when
 * its settings ask for a warm start. Not thread-safe: one training thread owns it.
 */
public interface TextClassifier extends AutoCloseable {

    ModelDescription description();

    /** Fine-tunes on the texts; {@code labels[i]} is the class index of {@code texts.get(i)}. */
    TrainingReport fit(List<String> texts, int[] labels, Progress progress);

    /** p(positive) for each text, with dropout off. */
    float[] predictPositive(List<String> texts, Progress progress);

    /**
     * p(positive) for each text from {@code passes} forward passes with dropout on (MC dropout):
     * {@code result[t][i]} is pass {@code t} on text {@code i}.
     */
    float[][] samplePositive(List<String> texts, int passes, Progress progress);

    /** Writes the model so that it can be loaded again as an encoder folder. */
    void save(Path directory);

    @Override
    void close();
}
