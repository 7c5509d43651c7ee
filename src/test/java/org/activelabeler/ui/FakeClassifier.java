package org.activelabeler.ui;

import java.nio.file.Path;
import java.util.Map;
import org.activelabeler.model.Predictions;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.ModelDescription;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.progress.Progress;

/** A model whose scores are a fixed function of row and fit count, so that each round ranks differently. */
final class FakeClassifier implements Classifier {
    int fits;
    boolean closed;

    @Override
    public ModelDescription description() {
        return new ModelDescription("fake", "cpu", Map.of());
    }

    @Override
    public TrainingReport fit(FeatureMatrix rows, int[] labels, int classes, Progress progress) {
        fits++;
        return new TrainingReport(java.util.List.of(0.5), 1, 0, Double.NaN, 3);
    }

    @Override
    public Predictions predict(FeatureMatrix rows) {
        float[] p = new float[rows.rowCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = ((i * 37 + fits * 53) % 101) / 101f;
        }
        return Predictions.binary(p);
    }

    @Override
    public void save(Path directory) {
        try {
            java.nio.file.Files.createDirectories(directory);
            java.nio.file.Files.writeString(directory.resolve("model.safetensors"), "fake weights");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
