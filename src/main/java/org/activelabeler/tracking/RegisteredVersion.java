package org.activelabeler.tracking;

import java.util.Map;

/**
 * A version of a registered model and the run that logged it.
 *
 * @param runId the server's id of the run that logged the model
 * @param artifactUri where the run's files are
 * @param params the run's parameters
 * @param tags the run's tags
 */
public record RegisteredVersion(String model, String version, String runId, String artifactUri,
                                Map<String, String> params, Map<String, String> tags) {
    public RegisteredVersion {
        params = Map.copyOf(params);
        tags = Map.copyOf(tags);
    }

    /** {@code model version N}, for messages. */
    public String label() {
        return "'" + model + "' version " + version;
    }
}
