package org.activelabeler.app;

import java.io.Console;
import java.util.Map;

/**
 * The password of a team's database: {@code ACTIVE_LABELER_DB_PASSWORD}, else {@code PGPASSWORD}, else asked
 * at the terminal when there is one, else none (the driver then reads {@code ~/.pgpass}). It is never
 * logged or stored by the application.
 */
public final class DatabasePassword {
    public static final String ENV = "ACTIVE_LABELER_DB_PASSWORD";

    private DatabasePassword() {
    }

    public static char[] resolve(Map<String, String> env, String location) {
        char[] given = fromEnvironment(env);
        if (given != null) {
            return given;
        }
        Console console = System.console();
        return console != null ? console.readPassword("Password for %s: ", location) : null;
    }

    /** The password from the environment, or null when neither variable is set. */
    public static char[] fromEnvironment(Map<String, String> env) {
        for (String name : new String[] {ENV, "PGPASSWORD"}) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return value.toCharArray();
            }
        }
        return null;
    }
}
