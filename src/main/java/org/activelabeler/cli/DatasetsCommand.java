package org.activelabeler.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.activelabeler.app.DataFolder;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.DatasetOrigin;
import org.activelabeler.dataset.Datasets;
import org.activelabeler.store.h2.H2Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "datasets", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "List the imported datasets (those read by simulate, train or evaluate are marked"
                + " 'experiment'), or delete one.")
final class DatasetsCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Option(names = "--delete", paramLabel = "NAME|ID",
            description = "Delete this dataset with its reviews, labels, rounds and queue.")
    String delete;

    @Override
    public Integer call() {
        Path folder = database.folder != null ? database.folder : DataFolder.resolve();
        H2Database.requireFolder(folder);
        if (!H2Database.exists(folder)) {
            if (delete != null) {
                throw new IllegalArgumentException("There is no database in " + folder + ", so no dataset '"
                        + delete + "' to delete");
            }
            System.out.println("No datasets: there is no database in " + folder + " yet. `active-labeler import"
                    + " --data FILE` makes one.");
            return 0;
        }
        try (Workspace workspace = Workspace.openExisting(folder)) {
            if (delete != null) {
                DatasetInfo gone = Datasets.find(workspace.datasets().list(), delete);
                workspace.datasets().delete(gone.id());
                System.out.println("Deleted dataset " + gone.id() + " '" + gone.name() + "' (" + gone.reviewCount()
                        + " reviews) with its labels, rounds and queue.");
                return 0;
            }
            List<DatasetInfo> all = workspace.datasets().list();
            if (all.isEmpty()) {
                System.out.println("No datasets in " + folder + ". `active-labeler import --data FILE` adds one.");
            }
            for (DatasetInfo d : all) {
                System.out.println(Summaries.of(d) + (d.origin() == DatasetOrigin.EXPERIMENT ? "  (experiment)" : ""));
            }
            return 0;
        }
    }
}
