package org.activelabeler.modelpackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.features.FeatureLayout;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.model.Classifier;
import org.activelabeler.text.TextTokenizer;

/**
 * Writes fast models as packages that score raw text: the version's own small files (weights,
 * manifest, {@code MLmodel}, input example) in its folder, and the text's fitted features as a shared
 * part in a folder of parts, written once per fit of a dataset and addressed by its sha256. One
 * instance per tokenizer and label set; it remembers the part of the last pipeline it wrote, so that
 * a retrain writes only its weights. Thread-safe.
 */
public final class ModelPackage {
    public static final String MANIFEST = "active_labeler.json";
    public static final String WEIGHTS = "model.safetensors";
    public static final String MLMODEL = "MLmodel";
    /** Where a package folder that stands alone keeps its shared parts: {@code parts/<sha256>/}. */
    public static final String PARTS = "parts";
    private static final List<String> EXAMPLE = List.of("A warm, funny film with a clever script; I loved it.");

    private final TextTokenizer tokenizer;
    private final LabelSet labels;
    private final String appVersion;
    private final Path partsRoot;
    private final EncoderParts encoders;
    private final Map<FeaturePipeline, LocalPart> written = new IdentityHashMap<>();
    private final Map<EncoderRef, Optional<LocalPart>> encoderParts = new HashMap<>();

    /** Finds the files of an encoder that does not ship with the app, to share them with its models. */
    @FunctionalInterface
    public interface EncoderParts {
        EncoderParts NONE = encoder -> null;

        /** @return the encoder's files as a part, or null when it ships with the app */
        LocalPart of(EncoderRef encoder);
    }

    /** A writer of models without the embeddings of an encoder from outside the app. */
    public ModelPackage(TextTokenizer tokenizer, LabelSet labels, String appVersion, Path partsRoot) {
        this(tokenizer, labels, appVersion, partsRoot, EncoderParts.NONE);
    }

    /** @param partsRoot the folder of shared parts (the machine's part cache) */
    public ModelPackage(TextTokenizer tokenizer, LabelSet labels, String appVersion, Path partsRoot,
                        EncoderParts encoders) {
        this.tokenizer = tokenizer;
        this.labels = labels;
        this.appVersion = appVersion;
        this.partsRoot = partsRoot;
        this.encoders = encoders;
    }

    /**
     * What writes a trained classifier as a package.
     *
     * @param pipeline the text's features it was trained on
     * @param encoder the encoder of its embeddings block, or null when the layout has none
     */
    public ModelWriter writer(Classifier classifier, FeaturePipeline pipeline, FeatureLayout layout,
                              EncoderRef encoder) {
        if (layout.blocks().embeddings() && encoder == null) {
            throw new IllegalArgumentException("A model with the embeddings block needs its encoder");
        }
        return (folder, provenance) -> {
            LocalPart features = featuresPart(pipeline);
            LocalPart encoderPart = layout.blocks().embeddings() ? encoderPart(encoder) : null;
            classifier.save(folder);
            var description = classifier.description();
            ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, description.name(),
                    description.hyperparameters(), labels.names(), "text", layout.toString(),
                    layout.blocks().embeddings() ? encoder : null, encoderPart == null ? null : encoderPart.part(),
                    features.part(), List.of(), provenance, appVersion, System.currentTimeMillis());
            write(folder.resolve(MlmodelFile.INPUT_EXAMPLE), MlmodelFile.inputExample(manifest.textColumn(), EXAMPLE));
            write(folder.resolve(MlmodelFile.SERVING_INPUT_EXAMPLE),
                    MlmodelFile.servingInputExample(manifest.textColumn(), EXAMPLE));
            write(folder.resolve(MLMODEL), MlmodelFile.yaml(manifest, folder.getFileName().toString()));
            List<PackageFile> own = new ArrayList<>();
            for (String name : ownFiles(folder)) {
                own.add(PackageFile.of(folder, name));
            }
            write(folder.resolve(MANIFEST), manifest.withFiles(own).toJson());
            return encoderPart == null ? List.of(features) : List.of(features, encoderPart);
        };
    }

    /** Copies a package and its parts into {@code target}, which then stands alone (a folder to hand on). */
    public static void copyStandalone(Path packageFolder, PartFinder parts, Path target) {
        ModelManifest manifest = ModelManifest.read(packageFolder);
        try {
            Files.createDirectories(target);
            for (PackageFile file : manifest.files()) {
                Files.copy(packageFolder.resolve(file.path()), target.resolve(file.path()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(packageFolder.resolve(MANIFEST), target.resolve(MANIFEST),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            List<SharedPart> shared = manifest.encoderPart() == null ? List.of(manifest.features())
                    : List.of(manifest.features(), manifest.encoderPart());
            for (SharedPart part : shared) {
                Path source = parts.folder(part);
                Path into = target.resolve(PARTS).resolve(part.sha256());
                for (PackageFile file : part.files()) {
                    Files.createDirectories(into.resolve(file.path()).getParent());
                    Files.copy(source.resolve(file.path()), into.resolve(file.path()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the model to " + target, e);
        }
    }

    private synchronized LocalPart encoderPart(EncoderRef encoder) {
        return encoderParts.computeIfAbsent(encoder, e -> Optional.ofNullable(encoders.of(e))).orElse(null);
    }

    private synchronized LocalPart featuresPart(FeaturePipeline pipeline) {
        LocalPart known = written.get(pipeline);
        if (known != null && known.part().presentIn(known.folder())) {
            return known;
        }
        written.clear();
        Path temporary = partsRoot.resolve(".writing-" + UUID.randomUUID());
        SharedPart part = FeaturesPart.write(temporary, pipeline, tokenizer.name(), tokenizer.digest(),
                tokenizer.definition());
        Path folder = partsRoot.resolve(part.sha256());
        try {
            if (Files.isDirectory(folder) && part.presentIn(folder)) {
                deleteTree(temporary);
            } else {
                deleteTree(folder);
                Files.move(temporary, folder, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the model's features in " + folder, e);
        }
        LocalPart local = new LocalPart(part, folder);
        written.put(pipeline, local);
        return local;
    }

    private static List<String> ownFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(name -> !name.equals(MANIFEST)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the model in " + folder, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Deletes a folder and everything in it; nothing when it is not there. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
