package org.activelabeler.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.DatasetOrigin;
import org.activelabeler.dataset.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Import a text file (CSV, TSV or JSON Lines, each also .gz) into the database.")
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The file to import: a header (or JSON fields) naming a text column and, optionally,"
                    + " a label and an id column.")
    Path data;

    @Mixin
    ColumnOptions columns;

    @Option(names = "--labels", paramLabel = "A,B,...",
            description = "The classes, in the order of their keys 1 to 9, for example \"World,Sports,Business,"
                    + "Sci/Tech\" (default: the file's, sorted by name; for a file without labels: negative,positive).")
    String labels;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        try (Workspace workspace = Workspace.open(database.location());
             TerminalProgress progress = new TerminalProgress()) {
            ImportResult result = workspace.importer().importFile(data, columns.options(DatasetOrigin.IMPORT, labels), progress);
            progress.close();
            System.out.println(Summaries.of(result, workspace.folder()));
            return 0;
        }
    }
}
