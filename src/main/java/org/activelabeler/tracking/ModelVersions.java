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
    default byte[] artifact(RegisteredVersion version, String artifactPath) {
        return artifact(version.artifactUri(), artifactPath);
    }

    /** The bytes of a file under a run's artifact location ({@link RegisteredVersion#artifactUri}). */
    byte[] artifact(String artifactUri, String artifactPath);

    /** The artifact location of a run, for {@code runs:/RUN_ID/PATH}. */
    String runArtifactUri(String runId);

    /** The artifact location of the run that holds a shared part ({@link SharedFiles}), if it was uploaded whole. */
    java.util.Optional<String> sharedPartUri(String sha256);

    /** The server, for messages and as the key of what is cached from it. */
    String address();

    @Override
    void close();
}
