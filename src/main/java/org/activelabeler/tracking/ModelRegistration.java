package org.activelabeler.tracking;

import java.util.Map;

/**
 * Registers the model a run logged as a new version of a registered model, and moves the
 * {@value #CHAMPION} alias to the version with the highest value of the tag {@code championTag}
 * (the earliest version on a tie).
 *
 * @param artifactPath where in the run's artifacts the model files are
 * @param tags version tags, among them {@code championTag}
 */
public record ModelRegistration(RunRef run, String modelName, String artifactPath, Map<String, String> tags,
                                String championTag) implements TrackingEvent {
    public static final String CHAMPION = "champion";

    public ModelRegistration {
        tags = Map.copyOf(tags);
    }
}
