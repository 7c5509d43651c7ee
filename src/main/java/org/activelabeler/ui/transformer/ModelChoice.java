package org.activelabeler.ui.transformer;

import java.util.Arrays;

/** Which models label with the annotator: the fast model alone, or the two-speed loop. */
public enum ModelChoice {
    FAST("fast", "Fast model"),
    TWO_SPEED("two-speed", "Fast + transformer");

    private final String key;
    private final String label;

    ModelChoice(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** How it is remembered in the desktop settings. */
    public String key() {
        return key;
    }

    /** The fast model for a key it does not know. */
    public static ModelChoice parse(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst().orElse(FAST);
    }

    @Override
    public String toString() {
        return label;
    }
}
