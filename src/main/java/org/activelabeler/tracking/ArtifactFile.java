package org.activelabeler.tracking;

/**
 * A local file to upload into a run.
 *
 * @param localPath absolute path of the file, kept until it is sent
 * @param artifactPath path inside the run's artifacts, with {@code /} separators
 */
public record ArtifactFile(String localPath, String artifactPath) {
}
