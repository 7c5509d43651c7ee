package org.activelabeler.cli;

import java.util.concurrent.Callable;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.DatasetInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "datasets", mixinStandardHelpOptions = true, description = "List the imported datasets.")
final class DatasetsCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        try (Workspace workspace = Workspace.open(database.folder)) {
            for (DatasetInfo d : workspace.datasets().list()) {
                System.out.println(Summaries.of(d));
            }
            return 0;
        }
    }
}
