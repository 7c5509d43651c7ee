package org.activelabeler.store.postgres;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activelabeler.store.StoreException;

/**
 * Where a team's PostgreSQL database is: {@code jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME&...]}.
 * The user is the URL's {@code user}, else {@code PGUSER}, else the login name. A password in the URL is
 * refused: a command line can be read by every user of the machine.
 */
public record PostgresAddress(String host, int port, String database, String user, String url) {
    public static final String PREFIX = "jdbc:postgresql:";
    private static final Pattern FORM = Pattern.compile("jdbc:postgresql://([^/:?]+|\\[[^]]+])(?::(\\d+))?/([^/?]+)(\\?.*)?");

    /** Whether {@code db} names a PostgreSQL database rather than a folder. */
    public static boolean isUrl(String db) {
        return db.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    public static PostgresAddress parse(String db, Map<String, String> env) {
        Matcher m = FORM.matcher(db);
        if (!m.matches()) {
            throw new StoreException("'" + db + "' is not a PostgreSQL address: write jdbc:postgresql://HOST[:PORT]/DATABASE"
                    + " (for example jdbc:postgresql://labels.example.org/imdb?user=anna)", null);
        }
        Map<String, String> parameters = parameters(m.group(4));
        if (parameters.containsKey("password")) {
            throw new StoreException("The address " + PREFIX + "//" + m.group(1) + "/" + m.group(3) + " holds a password:"
                    + " leave it out and set ACTIVE_LABELER_DB_PASSWORD or PGPASSWORD instead (a command line can be read"
                    + " by other users of the machine)", null);
        }
        int port = m.group(2) != null ? Integer.parseInt(m.group(2)) : 5432;
        String user = parameters.getOrDefault("user", env.getOrDefault("PGUSER", System.getProperty("user.name")));
        return new PostgresAddress(m.group(1), port, m.group(3), user, db);
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.length() < 2) {
            return parameters;
        }
        for (String pair : query.substring(1).split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name.toLowerCase(Locale.ROOT), value);
        }
        return parameters;
    }

    /** The address as users write it, with the user, never a password. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }
}
