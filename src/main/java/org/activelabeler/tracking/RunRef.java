package org.activelabeler.tracking;

/**
 * Names a run before the server has given it an id.
 *
 * @param experiment the experiment's name
 * @param key the app's unique key of the run, stored on it as the tag {@value #KEY_TAG}
 */
public record RunRef(String experiment, String key) {
    public static final String KEY_TAG = "active_labeler.run_key";

    public RunRef {
        if (experiment == null || experiment.isBlank()) {
            throw new IllegalArgumentException("An experiment name is needed");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A run key is needed");
        }
    }
}
