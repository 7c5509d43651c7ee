package org.activelabeler.ui.transformer;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.progress.Progress;
import org.activelabeler.training.djl.bert.EncoderCatalog;
import org.activelabeler.training.djl.bert.TransformerClassifier;
import org.activelabeler.twospeed.TwoSpeedSettings;

/** The desktop app's transformer: the bundled all-MiniLM-L6-v2 encoder, offline, with the device's defaults. */
public final class BundledTransformerFactory implements TransformerFactory {
    public static final String ENCODER = "all-MiniLM-L6-v2";
    private final Path encoderCache;

    /** @param encoderCache where an encoder downloaded from the hub would be kept */
    public BundledTransformerFactory(Path encoderCache) {
        this.encoderCache = encoderCache;
    }

    @Override
    public TwoSpeedSettings twoSpeedDefaults(long seed) {
        return Engine.getEngine("PyTorch").getGpuCount() > 0 ? TwoSpeedSettings.forGpu(seed)
                : TwoSpeedSettings.forCpu(seed);
    }

    @Override
    public int dropoutPasses(long seed) {
        return TransformerClassifier.defaultSettings(seed).dropoutPasses();
    }

    @Override
    public TextClassifier create(long seed, Progress progress) {
        progress.update("Loading the " + ENCODER + " encoder", 0, 1);
        return new TransformerClassifier(EncoderCatalog.resolve(ENCODER, encoderCache,
                (file, done, total) -> progress.update("Downloading " + file, done, Math.max(total, done))),
                TransformerClassifier.defaultSettings(seed));
    }
}
