package org.activelabeler.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.activelabeler.app.StoreLocation;
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
                + " 'experiment'), add a class to one, or delete one.")
final class DatasetsCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Option(names = "--delete", paramLabel = "NAME|ID",
            description = "Delete this dataset with its reviews, labels, rounds and queue.")
    String delete;

    @Option(names = "--add-class", paramLabel = "NAME",
            description = "Add a class at the end of the label set of --dataset; every label keeps its class.")
    String addClass;

    @Option(names = "--dataset", paramLabel = "NAME|ID", description = "The dataset --add-class changes.")
    String dataset;

    @Override
    public Integer call() {
        if ((addClass == null) != (dataset == null)) {
            throw new IllegalArgumentException("--add-class and --dataset go together: `active-labeler datasets"
                    + " --dataset NAME --add-class CLASS`");
        }
        if (addClass != null && delete != null) {
            throw new IllegalArgumentException("--add-class and --delete do not go together; run one, then the other");
        }
        StoreLocation location = database.location();
        Path folder = location.localFolder();
        if (location instanceof StoreLocation.Folder) {
            H2Database.requireFolder(folder);
        }
        if (location instanceof StoreLocation.Folder && !H2Database.exists(folder)) {
            if (delete != null || dataset != null) {
                throw new IllegalArgumentException("There is no database in " + folder + ", so no dataset '"
                        + (delete != null ? delete : dataset) + "'");
            }
            System.out.println("No datasets: there is no database in " + folder + " yet. `active-labeler import"
                    + " --data FILE` makes one.");
            return 0;
        }
        try (Workspace workspace = Workspace.openExisting(location)) {
            if (addClass != null) {
                DatasetInfo before = Datasets.find(workspace.datasets().list(), dataset);
                DatasetInfo after = workspace.datasets().addClass(before.id(), addClass);
                int index = after.labels().size() - 1;
                System.out.println("Dataset " + after.id() + " '" + after.name() + "' now has " + after.labels().size()
                        + " classes: " + after.labels() + ". '" + after.labels().name(index) + "' is class " + index
                        + (after.labels().key(index) != null ? " (key " + after.labels().key(index) + ")" : "")
                        + "; every label kept its class.");
                return 0;
            }
            if (delete != null) {
                DatasetInfo gone = Datasets.find(workspace.datasets().list(), delete);
                workspace.datasets().delete(gone.id());
                System.out.println("Deleted dataset " + gone.id() + " '" + gone.name() + "' (" + gone.reviewCount()
                        + " texts) with its labels, rounds and queue.");
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
