package org.activelabeler.modelpackage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.dataset.ReviewText;
import org.activelabeler.features.FeatureLayout;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.Predictions;
import org.activelabeler.progress.Progress;
import org.activelabeler.round.VectorSource;
import org.activelabeler.text.TextTokenizer;

/**
 * A model package loaded to score raw text, the one implementation behind {@code predict}, {@code serve}
 * and {@code evaluate}: the text goes through the same readable form, tokenizer, fitted features and
 * sentence encoder as in training, then the classifier. Not thread-safe: one caller at a time.
 */
public final class PackagedModel implements AutoCloseable {
    private final ModelManifest manifest;
    private final TextTokenizer tokenizer;
    private final FeaturePipeline pipeline;
    private final FeatureLayout layout;
    private final Classifier classifier;
    private final VectorSource vectors;

    private PackagedModel(ModelManifest manifest, TextTokenizer tokenizer, FeaturePipeline pipeline,
                          Classifier classifier, VectorSource vectors) {
        this.manifest = manifest;
        this.tokenizer = tokenizer;
        this.pipeline = pipeline;
        this.layout = manifest.featureLayout();
        this.classifier = classifier;
        this.vectors = vectors;
    }

    /**
     * Loads the package in {@code folder}, checking each file against its digest.
     *
     * @param parts where the shared parts are found (the package's own {@value ModelPackage#PARTS} folder
     *     first, see {@link #standaloneFirst})
     */
    public static PackagedModel open(Path folder, PackageRuntime runtime, PartFinder parts) {
        ModelManifest manifest = ModelManifest.read(folder);
        for (PackageFile file : manifest.files()) {
            if (!file.matches(folder)) {
                throw new IllegalArgumentException("The model in " + folder + " is damaged: " + file.path()
                        + (Files.exists(folder.resolve(file.path())) ? " differs from the digest its manifest records"
                        : " is missing") + "; fetch it again");
            }
        }
        FeaturesPart.Read features = FeaturesPart.read(parts.folder(manifest.features()));
        TextTokenizer tokenizer = runtime.tokenizer(features.tokenizer(), features.tokenizerName());
        Classifier classifier = null;
        try {
            classifier = runtime.classifier(folder, manifest);
            VectorSource vectors = manifest.encoder() == null ? null : runtime.vectors(manifest.encoder(),
                    manifest.encoderPart() == null ? null : parts.folder(manifest.encoderPart()));
            return new PackagedModel(manifest, tokenizer, features.pipeline(), classifier, vectors);
        } catch (RuntimeException e) {
            tokenizer.close();
            if (classifier != null) {
                classifier.close();
            }
            throw e;
        }
    }

    /** Looks in the package's own {@value ModelPackage#PARTS} folder before asking {@code elsewhere}. */
    public static PartFinder standaloneFirst(Path folder, PartFinder elsewhere) {
        return part -> {
            Path own = folder.resolve(ModelPackage.PARTS).resolve(part.sha256());
            return part.presentIn(own) ? own : elsewhere.folder(part);
        };
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public LabelSet labels() {
        return manifest.labelSet();
    }

    /** The class probabilities of each text, in order (label set order). */
    public Predictions score(List<String> texts, Progress progress) {
        if (texts.isEmpty()) {
            return Predictions.of(new float[0], labels().size());
        }
        FeatureMatrix text = null;
        if (layout.blocks().tfidf()) {
            int[][] ids = tokenizer.encode(texts.stream().map(ReviewText::readable).toList());
            text = pipeline.transform(ids);
        }
        float[][] embedded = null;
        if (layout.blocks().embeddings()) {
            embedded = vectors.vectors(texts, progress);
        }
        return classifier.predict(layout.rows(text, embedded));
    }

    @Override
    public void close() {
        try {
            classifier.close();
            if (vectors instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot close the encoder of the model", e);
        } finally {
            tokenizer.close();
        }
    }
}
