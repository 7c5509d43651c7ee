package org.activelabeler.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activelabeler.embedding.file.VectorCacheFolder;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.modelpackage.EncoderRef;
import org.activelabeler.modelpackage.ModelManifest;
import org.activelabeler.modelpackage.PackageRuntime;
import org.activelabeler.progress.Progress;
import org.activelabeler.round.VectorSource;
import org.activelabeler.text.TextTokenizer;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;
import org.activelabeler.training.djl.NgramLogisticClassifier;

/**
 * The adapters a loaded model scores with: DJL's HuggingFace tokenizers, the fast model on the PyTorch
 * engine, and the encoder named by the model, its vectors kept in the user's vector cache.
 */
public final class ModelRuntime implements PackageRuntime {
    private final Path encoders;

    /** @param encoders where downloaded encoders are kept (a data folder's {@code encoders}) */
    public ModelRuntime(Path encoders) {
        this.encoders = encoders;
    }

    @Override
    public TextTokenizer tokenizer(byte[] definition, String name) {
        return HuggingFaceTextTokenizer.fromDefinition(definition, name);
    }

    @Override
    public Classifier classifier(Path folder, ModelManifest manifest) {
        if (!NgramLogisticClassifier.NAME.equals(manifest.modelType())) {
            throw new IllegalArgumentException("The model in " + folder + " is a " + manifest.modelType()
                    + "; this version of Active Labeler scores " + NgramLogisticClassifier.NAME + " models");
        }
        return NgramLogisticClassifier.load(folder, manifest.labels().size(),
                ClassifierSettings.builder().build(), Map.of("loaded_from", folder.toString()));
    }

    @Override
    public VectorSource vectors(EncoderRef encoder, Path folder) {
        return new OpenEncoder(encoder, folder == null ? encoder.name() : folder.toString(), encoders);
    }

    /** The model's encoder, opened at the first texts and kept open until the model is closed. */
    private static final class OpenEncoder implements VectorSource, AutoCloseable {
        private final EncoderRef encoder;
        private final String spec;
        private final Path encoders;
        private TextVectors open;

        /** @param spec where the encoder is: its name, or the folder of its shared part */
        OpenEncoder(EncoderRef encoder, String spec, Path encoders) {
            this.encoder = encoder;
            this.spec = spec;
            this.encoders = encoders;
        }

        @Override
        public String name() {
            return encoder.name();
        }

        @Override
        public synchronized float[][] vectors(List<String> texts, Progress progress) {
            if (open == null) {
                progress.update("Opening the encoder " + encoder.name(), 0, 1);
                TextVectors vectors = TextVectors.open(spec, encoders, VectorCacheFolder.resolve());
                if (!vectors.encoderDigest().equals(encoder.digest())) {
                    vectors.close();
                    throw new IllegalStateException("The encoder " + encoder.name() + " found here has the digest "
                            + vectors.encoderDigest() + ", but the model was trained on the vectors of digest "
                            + encoder.digest() + "; its predictions would be wrong. Use the encoder it was trained"
                            + " with (same weights and token budget " + encoder.tokenBudget() + ")");
                }
                open = vectors;
            }
            return open.of(texts, progress);
        }

        @Override
        public synchronized Map<String, String> parameters() {
            return open == null ? Map.of() : open.parameters();
        }

        @Override
        public synchronized void close() {
            if (open != null) {
                open.close();
                open = null;
            }
        }
    }
}
