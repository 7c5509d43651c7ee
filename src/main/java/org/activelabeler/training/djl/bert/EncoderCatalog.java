package org.activelabeler.training.djl.bert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the encoder a person named into a {@link PretrainedEncoder}: the bundled all-MiniLM-L6-v2, a local
 * folder in Hugging Face layout, or a BERT-family model on the Hugging Face hub, which is downloaded once
 * into a cache folder and used offline from then on.
 */
public final class EncoderCatalog {
    private static final Set<String> BUNDLED_NAMES = Set.of("all-minilm-l6-v2", "minilm",
            PretrainedEncoder.BUNDLED_NAME.toLowerCase(Locale.ROOT));
    private static final Set<String> BGE_SMALL_NAMES = Set.of("bge-small-en-v1.5", "bge-small",
            PretrainedEncoder.BGE_SMALL_NAME.toLowerCase(Locale.ROOT));

    private EncoderCatalog() {
    }

    /**
     * @param spec {@code all-MiniLM-L6-v2} or {@code minilm} (the bundled encoder), {@code bge-small-en-v1.5}
     *             (bundled too, the default sentence encoder of the fast loop), a folder, or a hub id
     *             {@code owner/name} with an optional {@code @revision} (default {@code main})
     * @param cacheFolder where hub models are kept, one folder {@code owner--name--revision} each
     * @throws IllegalArgumentException when the spec is none of these, or the files do not form a BERT encoder
     * @throws UncheckedIOException when a download fails; the message says why and what to do
     */
    public static PretrainedEncoder resolve(String spec, Path cacheFolder, DownloadListener listener) {
        String name = spec == null ? "" : spec.strip();
        if (isBundled(name)) {
            return PretrainedEncoder.bundled();
        }
        if (BGE_SMALL_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            return PretrainedEncoder.bgeSmall();
        }
        Optional<Path> folder = existingFolder(name);
        if (folder.isPresent()) {
            return PretrainedEncoder.fromFolder(name, folder.get());
        }
        HubModelId id = HubModelId.parse(name).orElseThrow(() -> new IllegalArgumentException("'" + name
                + "' is neither an existing folder nor a Hugging Face model id (owner/name, optionally @revision)"
                + " such as sentence-transformers/all-MiniLM-L12-v2"));
        Path cached = cacheFolder.resolve(id.cacheKey());
        if (!HubDownload.isComplete(cached)) {
            try {
                HubDownload.fromEnvironment().fetch(id, cached, listener);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        return PretrainedEncoder.fromFolder(id.toString(), cached);
    }

    /** Whether the spec names the encoder that ships with the application. */
    public static boolean isBundled(String spec) {
        return spec != null && BUNDLED_NAMES.contains(spec.strip().toLowerCase(Locale.ROOT));
    }

    private static Optional<Path> existingFolder(String spec) {
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        try {
            String expanded = spec.startsWith("~/") ? System.getProperty("user.home") + spec.substring(1) : spec;
            Path path = Path.of(expanded);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
