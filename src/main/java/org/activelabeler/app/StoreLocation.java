package org.activelabeler.app;

import java.nio.file.Path;
import java.util.Map;
import org.activelabeler.store.StoreException;
import org.activelabeler.store.postgres.PostgresAddress;

/**
 * Where the labels live: an H2 database in a data folder (the default), or a team's PostgreSQL database,
 * as {@code --db} names it. Files that belong to this machine (encoders, tracking staging, the local MLflow
 * store) stay in a local folder either way.
 */
public sealed interface StoreLocation {

    /** The folder for this machine's files. */
    Path localFolder();

    record Folder(Path path) implements StoreLocation {
        @Override
        public Path localFolder() {
            return path;
        }
    }

    record Server(PostgresAddress address, Path localFolder) implements StoreLocation {
    }

    /** {@code db} as {@code --db} takes it: a folder, a {@code jdbc:postgresql://} address, or null for the default folder. */
    static StoreLocation parse(String db, Map<String, String> env) {
        if (db == null || db.isBlank()) {
            return new Folder(DataFolder.resolve());
        }
        if (PostgresAddress.isUrl(db)) {
            return new Server(PostgresAddress.parse(db, env), DataFolder.resolve());
        }
        if (db.regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw new StoreException("'" + db + "' is a database address Active Labeler does not work with: --db takes"
                    + " a data folder (for the embedded H2 database) or a team's PostgreSQL database,"
                    + " jdbc:postgresql://HOST[:PORT]/DB", null);
        }
        return new Folder(Path.of(db));
    }

    static StoreLocation parse(String db) {
        return parse(db, System.getenv());
    }
}
