package org.activelabeler.cli;

import java.nio.file.Path;
import org.activelabeler.app.StoreLocation;
import picocli.CommandLine.Option;

/** The {@code --db} option every command that touches the store shares. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "DIR|URL",
            description = "Folder of the H2 database (default: ACTIVE_LABELER_HOME or the per-user data folder), or a"
                    + " team's PostgreSQL database, jdbc:postgresql://HOST[:PORT]/DB[?user=NAME] (password from"
                    + " ACTIVE_LABELER_DB_PASSWORD or PGPASSWORD, else asked).")
    String db;

    StoreLocation location() {
        return StoreLocation.parse(db);
    }

    /** The folder for this machine's files (models fetched, the local MLflow store). */
    Path localFolder() {
        return location().localFolder();
    }
}
