package org.activelabeler.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.activelabeler.modelpackage.ModelManifest;
import org.activelabeler.modelpackage.ModelPackage;
import org.activelabeler.modelpackage.PackageFile;
import org.activelabeler.modelpackage.PartFinder;
import org.activelabeler.modelpackage.SharedPart;
import org.activelabeler.progress.Progress;
import org.activelabeler.tracking.ModelVersions;
import org.activelabeler.tracking.RegisteredVersion;
import org.activelabeler.tracking.SimulationTracking;
import org.activelabeler.tracking.TrackingException;

/**
 * Finds a model package on this machine or fetches it from the tracking server into the model cache
 * ({@link ModelCacheFolder}), with the shared parts it references, each file checked against its digest.
 * What was fetched once works offline: when the server does not answer, a version or alias fetched
 * before is used again, and the caller is told so.
 */
public final class ModelFetcher implements AutoCloseable {
    private final Path cache;
    private final Supplier<ModelVersions> server;
    private ModelVersions versions;

    /** @param server opens the tracking server's registry; called at most once, and only when needed */
    public ModelFetcher(Path cache, Supplier<ModelVersions> server) {
        this.cache = cache;
        this.server = server;
    }

    /**
     * @param folder the package's folder on this machine
     * @param description what it is, for people: {@code 'imdb-classifier' version 3 (run 8a...)}
     * @param note a warning for people (the server did not answer, a cached copy is used), or null
     */
    public record Fetched(Path folder, String description, String note) {
    }

    public Fetched fetch(ModelReference reference, Progress progress) {
        if (!reference.onServer()) {
            return new Fetched(reference.folder(), "the model in " + reference.folder(), null);
        }
        try {
            return fetchFromServer(reference, progress);
        } catch (TrackingException | IllegalStateException e) {
            Optional<Fetched> cached = cachedCopy(reference);
            if (cached.isEmpty()) {
                throw new IllegalArgumentException("Cannot fetch " + reference.text() + ": " + e.getMessage()
                        + (e instanceof IllegalStateException ? "" : "; nor was it fetched before"), e);
            }
            Fetched copy = cached.get();
            return new Fetched(copy.folder(), copy.description(), "The tracking server did not give "
                    + reference.text() + " (" + firstLine(e.getMessage()) + "); using the copy fetched before");
        }
    }

    /** Finds shared parts in the machine's part cache, else fetches them from the server. */
    public PartFinder parts() {
        return part -> {
            Path local = ModelParts.local(cache.resolve("parts")).folder(part, false);
            if (local != null) {
                return local;
            }
            return fetchPart(part);
        };
    }

    private Fetched fetchFromServer(ModelReference reference, Progress progress) {
        ModelVersions registry = registry();
        String runId;
        String path;
        String description;
        Path serverFolder = serverFolder(registry);
        if (reference.runId() != null) {
            runId = reference.runId();
            path = reference.path();
            description = "the model " + path + " of run " + runId;
        } else {
            RegisteredVersion version = reference.alias() != null
                    ? registry.alias(reference.model(), reference.alias())
                    : registry.version(reference.model(), reference.version());
            runId = version.runId();
            path = SimulationTracking.MODEL_PATH;
            description = version.label() + (reference.alias() == null ? "" : " (alias '" + reference.alias() + "')")
                    + ", run " + runId;
            Path entry = serverFolder.resolve("registry").resolve(safe(reference.model()));
            write(entry.resolve(reference.alias() != null ? "@" + safe(reference.alias()) : version.version()),
                    runId + "\n" + path + "\n" + description + "\n");
            write(entry.resolve(version.version()), runId + "\n" + path + "\n" + version.label() + ", run " + runId + "\n");
        }
        Path folder = serverFolder.resolve("runs").resolve(safe(runId)).resolve(path);
        if (!complete(folder)) {
            progress.update("Fetching " + reference.text(), 0, 1);
            download(registry, registry.runArtifactUri(runId), path, folder);
        }
        return new Fetched(folder, description, null);
    }

    private Optional<Fetched> cachedCopy(ModelReference reference) {
        try (Stream<Path> servers = Files.list(cache.resolve("servers"))) {
            for (Path serverFolder : servers.toList()) {
                Path folder;
                String description;
                if (reference.runId() != null) {
                    folder = serverFolder.resolve("runs").resolve(safe(reference.runId())).resolve(reference.path());
                    description = "the model " + reference.path() + " of run " + reference.runId();
                } else {
                    Path entry = serverFolder.resolve("registry").resolve(safe(reference.model())).resolve(
                            reference.alias() != null ? "@" + safe(reference.alias()) : reference.version());
                    if (!Files.isRegularFile(entry)) {
                        continue;
                    }
                    String[] lines = Files.readString(entry, StandardCharsets.UTF_8).split("\n");
                    folder = serverFolder.resolve("runs").resolve(safe(lines[0])).resolve(lines[1]);
                    description = lines[2];
                }
                if (complete(folder)) {
                    return Optional.of(new Fetched(folder, description, null));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path fetchPart(SharedPart part) {
        ModelVersions registry = registry();
        String uri = registry.sharedPartUri(part.sha256()).orElseThrow(() -> new IllegalArgumentException(
                "The model's " + part.label() + " part is neither on this machine (" + cache.resolve("parts")
                        + ") nor on " + registry.address() + "; the run that trained it has not finished uploading"
                        + " (see `active-labeler sync`)"));
        Path target = cache.resolve("parts").resolve(part.sha256());
        Path temporary = cache.resolve("parts").resolve(".fetching-" + UUID.randomUUID());
        try {
            for (PackageFile file : part.files()) {
                write(temporary.resolve(file.path()), registry.artifact(uri, file.path()));
            }
            if (!part.presentIn(temporary)) {
                throw new IllegalArgumentException("The " + part.label() + " part fetched from " + registry.address()
                        + " differs from its digest; it is damaged on the server");
            }
            replace(temporary, target);
            return target;
        } finally {
            deleteQuietly(temporary);
        }
    }

    private void download(ModelVersions registry, String artifactUri, String path, Path folder) {
        Path temporary = folder.resolveSibling(".fetching-" + UUID.randomUUID());
        try {
            byte[] manifestBytes = registry.artifact(artifactUri, path + "/" + ModelPackage.MANIFEST);
            ModelManifest manifest = ModelManifest.parse(new String(manifestBytes, StandardCharsets.UTF_8),
                    path + "/" + ModelPackage.MANIFEST + " of " + artifactUri);
            for (PackageFile file : manifest.files()) {
                write(temporary.resolve(file.path()), registry.artifact(artifactUri, path + "/" + file.path()));
                if (!file.matches(temporary)) {
                    throw new IllegalArgumentException(file.path() + " of " + artifactUri + " differs from the digest"
                            + " its manifest records; it is damaged on the server");
                }
            }
            write(temporary.resolve(ModelPackage.MANIFEST), manifestBytes);
            replace(temporary, folder);
        } catch (TrackingException e) {
            if (e.getMessage() != null && e.getMessage().contains("HTTP 404")) {
                throw new IllegalStateException(artifactUri + "/" + path + " is not an Active Labeler model package"
                        + " (it has no " + ModelPackage.MANIFEST + "; versions registered before 0.2 hold only"
                        + " weights: evaluate them with --retrain)", e);
            }
            throw e;
        } finally {
            deleteQuietly(temporary);
        }
    }

    private ModelVersions registry() {
        if (versions == null) {
            versions = server.get();
        }
        return versions;
    }

    private Path serverFolder(ModelVersions registry) {
        return cache.resolve("servers").resolve(safe(registry.address().replaceFirst("^[a-z]+://", "")));
    }

    private static boolean complete(Path folder) {
        if (!Files.isRegularFile(folder.resolve(ModelPackage.MANIFEST))) {
            return false;
        }
        try {
            return ModelManifest.read(folder).files().stream().allMatch(file -> file.matches(folder));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void replace(Path temporary, Path target) {
        try {
            ModelPackage.deleteTree(target);
            Files.createDirectories(target.getParent());
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the fetched model in " + target, e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            ModelPackage.deleteTree(folder);
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless; the next fetch uses a new one
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no answer" : message.lines().findFirst().orElse(message);
    }

    /** Closes the registry, when it was opened. */
    @Override
    public void close() {
        if (versions != null) {
            versions.close();
        }
    }
}
