package org.activelabeler.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.activelabeler.model.ModelDescription;
import org.activelabeler.model.Predictions;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.progress.Progress;

/** A text model whose p(positive) is whatever the test sets; it can also act (or wait) while it "fits". */
public final class FakeTextClassifier implements TextClassifier {
    public FakeTextClassifier() {
    }

    public FakeTextClassifier(ToDoubleFunction<String> positive) {
        this.positive = positive;
    }

    public volatile ToDoubleFunction<String> positive = text -> 0.5;
    public volatile Consumer<Progress> whileFitting = progress -> { };
    public volatile int fits;
    public volatile int fittedOn;
    public volatile List<String> fittedTexts = List.of();
    public volatile boolean closed;

    @Override
    public ModelDescription description() {
        return new ModelDescription("fake-transformer", "cpu()",
                Map.of("encoder", "fake-encoder", "encoder_sha256", "ab".repeat(32)));
    }

    @Override
    public TrainingReport fit(List<String> texts, int[] labels, int classes, Progress progress) {
        fits++;
        fittedOn = texts.size();
        fittedTexts = List.copyOf(texts);
        whileFitting.accept(progress);
        progress.checkCancelled();
        return new TrainingReport(List.of(0.4, 0.2), 2, 0, Double.NaN, 7);
    }

    /** Two classes: p(class 1) is what {@link #positive} says. */
    @Override
    public Predictions predict(List<String> texts, Progress progress) {
        float[] p = new float[texts.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) positive.applyAsDouble(texts.get(i));
        }
        return Predictions.binary(p);
    }

    @Override
    public Predictions[] sample(List<String> texts, int passes, Progress progress) {
        Predictions[] samples = new Predictions[passes];
        for (int t = 0; t < passes; t++) {
            samples[t] = predict(texts, progress);
        }
        return samples;
    }

    @Override
    public void save(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("model.safetensors"), "fake weights");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
