package org.activelabeler.modelpackage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Writes one trained model into a folder, for a run's artifacts. */
@FunctionalInterface
public interface ModelWriter {

    /**
     * Writes the model's own files into {@code folder} (created if needed).
     *
     * @param provenance where it came from (the run's params), kept in its manifest
     * @return the shared parts the model references, each in the local folder that holds it
     */
    List<LocalPart> write(Path folder, Map<String, String> provenance);

    /** A model that is one folder of its own, without shared parts (the transformer lane's). */
    static ModelWriter selfContained(Consumer<Path> save) {
        return (folder, provenance) -> {
            save.accept(folder);
            return List.of();
        };
    }
}
