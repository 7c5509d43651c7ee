package org.activelabeler.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Import a review CSV (review[,sentiment]; .csv or .csv.gz) into the database.")
final class ImportCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The CSV file to import.")
    Path data;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        try (Workspace workspace = Workspace.open(database.folder);
             TerminalProgress progress = new TerminalProgress()) {
            ImportResult result = workspace.importer().importFile(data, progress);
            progress.close();
            System.out.println(Summaries.of(result, workspace.folder()));
            return 0;
        }
    }
}
