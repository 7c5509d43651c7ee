package org.activelabeler.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db} option every command that touches the store shares. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "DIR",
            description = "Folder of the H2 database (default: ACTIVE_LABELER_HOME or the per-user data folder).")
    Path folder;
}
