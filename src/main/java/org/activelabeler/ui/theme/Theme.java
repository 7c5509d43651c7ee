package org.activelabeler.ui.theme;

import java.util.Locale;

/** The two looks of the app, each a stylesheet over the shared base. */
public enum Theme {
    LIGHT,
    DARK;

    public static final String BASE = stylesheet("base");

    public String stylesheet() {
        return stylesheet(name().toLowerCase(Locale.ROOT));
    }

    public static Theme parse(String name) {
        return "dark".equalsIgnoreCase(name) ? DARK : LIGHT;
    }

    private static String stylesheet(String name) {
        return Theme.class.getResource("/org/activelabeler/ui/theme/" + name + ".css").toExternalForm();
    }
}
