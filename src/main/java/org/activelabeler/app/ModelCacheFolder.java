package org.activelabeler.app;

import java.nio.file.Path;
import org.activelabeler.embedding.file.VectorCacheFolder;

/**
 * Where models fetched from a tracking server and the shared parts of models (a dataset's fitted
 * features) are kept on this machine: the system property {@value #PROPERTY}, else the environment
 * variable {@value #VARIABLE}, else {@code models} beside the vector cache
 * ({@code ~/.cache/active-labeler/models} on Linux). A cache: what is deleted is fetched again.
 */
public final class ModelCacheFolder {
    public static final String PROPERTY = "activelabeler.models";
    public static final String VARIABLE = "ACTIVE_LABELER_MODELS";

    private ModelCacheFolder() {
    }

    public static Path resolve() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property.strip());
        }
        String variable = System.getenv(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable.strip());
        }
        return VectorCacheFolder.resolve().resolveSibling("models");
    }

    /** The shared parts, one folder each, named by its sha256. */
    public static Path parts() {
        return resolve().resolve("parts");
    }
}
