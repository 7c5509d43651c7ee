package org.activelabeler.modelpackage;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.features.FeatureLayout;

/**
 * What a model package holds, in {@value ModelPackage#MANIFEST}: the model's kind and settings, its label
 * set, the feature layout, the tokenizer and encoder it reads, the shared parts it references, its own
 * files with their digests, and where it came from.
 *
 * @param format the package format, {@value #FORMAT}; a newer one is refused with a message
 * @param modelType the classifier family, e.g. {@code ngram-logistic}
 * @param modelParameters its settings and those of the features, as the run's params record them
 * @param layout a {@link FeatureLayout} as text, e.g. {@code tfidf,lsa,embeddings@4.0}
 * @param encoder the sentence encoder of the embeddings block, or null without one
 * @param encoderPart its files as a shared part, or null when it ships with the app (or there is none)
 * @param files this version's own files (not those of the shared parts)
 * @param provenance dataset, label snapshot, seed, app version and the like
 */
public record ModelManifest(int format, String modelType, Map<String, String> modelParameters, List<String> labels,
                            String textColumn, String layout, EncoderRef encoder, SharedPart encoderPart,
                            SharedPart features,
                            List<PackageFile> files, Map<String, String> provenance, String appVersion,
                            long createdMillis) {
    public static final int FORMAT = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

    public ModelManifest {
        modelParameters = modelParameters == null ? Map.of() : Map.copyOf(modelParameters);
        labels = labels == null ? null : List.copyOf(labels);
        files = files == null ? null : List.copyOf(files);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }

    public LabelSet labelSet() {
        return new LabelSet(labels);
    }

    public FeatureLayout featureLayout() {
        return FeatureLayout.named(layout, 0f);
    }

    public ModelManifest withFiles(List<PackageFile> ownFiles) {
        return new ModelManifest(format, modelType, modelParameters, labels, textColumn, layout, encoder, encoderPart,
                features, ownFiles, provenance, appVersion, createdMillis);
    }

    String toJson() {
        return GSON.toJson(this);
    }

    /** Reads {@value ModelPackage#MANIFEST} of a package folder, with a message that says what is wrong. */
    public static ModelManifest read(Path folder) {
        Path file = folder.resolve(ModelPackage.MANIFEST);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(folder + " is not an Active Labeler model: it has no "
                    + ModelPackage.MANIFEST + " (models registered before version 0.2 cannot be loaded; retrain"
                    + " them, or use evaluate --retrain)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return parse(json, file.toString());
    }

    /** @param source where the text came from, for messages */
    public static ModelManifest parse(String json, String source) {
        ModelManifest manifest;
        try {
            manifest = GSON.fromJson(json, ModelManifest.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + " is not a valid model manifest: " + e.getMessage(), e);
        }
        if (manifest == null || manifest.labels() == null || manifest.features() == null || manifest.files() == null
                || manifest.layout() == null) {
            throw new IllegalArgumentException(source + " is not a complete model manifest (labels, layout,"
                    + " features and files are required)");
        }
        if (manifest.format() > FORMAT) {
            throw new IllegalArgumentException(source + " is a model of package format " + manifest.format()
                    + "; this version of Active Labeler reads format " + FORMAT + " and older: update the app");
        }
        return manifest;
    }
}
