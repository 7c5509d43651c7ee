package org.activelabeler.tracking;

/**
 * Reads versions of registered models, their runs and files from the tracking server. Unlike the
 * tracker, every call needs the server and throws {@link TrackingException} when it cannot answer.
 */
public interface ModelVersions extends AutoCloseable {

    RegisteredVersion version(String model, String version);

    /** The version an alias (for example {@value ModelRegistration#CHAMPION}) points at. */
    RegisteredVersion alias(String model, String alias);

    /** The bytes of a file the version's run logged, by its path in the run's artifacts. */
    byte[] artifact(RegisteredVersion version, String artifactPath);

    @Override
    void close();
}
