package org.activelabeler.ui.transformer;

import org.activelabeler.round.TransformerFactory;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.progress.Progress;
import org.activelabeler.training.djl.bert.EncoderCatalog;
import org.activelabeler.training.djl.bert.TransformerClassifier;
import org.activelabeler.twospeed.TwoSpeedSettings;

/**
 * The desktop app's transformer, with the device's defaults. The encoder is the bundled
 * all-MiniLM-L6-v2 unless {@code transformer.encoder} in {@code desktop.properties} (or the system
 * property {@code activelabeler.encoder}) names a Hugging Face id or a folder; a hub encoder is
 * downloaded once, with progress in the status bar, and cached beside the database.
 */
public final class EncoderTransformerFactory implements TransformerFactory {
    public static final String SETTING = "transformer.encoder";
    public static final String DEFAULT_ENCODER = "bge-small-en-v1.5";
    private final Path encoderCache;
    private final Supplier<String> encoder;

    /**
     * @param encoderCache where encoders downloaded from the hub are kept
     * @param encoder the encoder to use, read when the transformer is first made
     */
    public EncoderTransformerFactory(Path encoderCache, Supplier<String> encoder) {
        this.encoderCache = encoderCache;
        this.encoder = encoder;
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
    public TextClassifier create(long seed, int classes, Progress progress) {
        String spec = encoder.get();
        progress.update("Loading the encoder " + spec, 0, 1);
        return new TransformerClassifier(EncoderCatalog.resolve(spec, encoderCache,
                (file, done, total) -> progress.update("Downloading " + file, done, Math.max(total, done))),
                TransformerClassifier.defaultSettings(seed), classes);
    }
}
