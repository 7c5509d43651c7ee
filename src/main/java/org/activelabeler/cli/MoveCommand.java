package org.activelabeler.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.activelabeler.app.StoreLocation;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.Datasets;
import org.activelabeler.store.jdbc.StoreMover;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "move", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Copy datasets from one store to another: a data folder to a team's PostgreSQL database, or"
                + " back. Texts, label set, every label event with its annotator and time, rounds, queue and audit"
                + " draws go along, in one transaction on the target; the source is left as it was. Sentence vectors"
                + " stay in this machine's vector cache (they are keyed by text, not by store).")
final class MoveCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "DIR|URL", description = "The store to copy from.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DIR|URL",
            description = "The store to copy to (a folder is made when missing).")
    String to;

    @Option(names = "--dataset", paramLabel = "NAME|ID", description = "A dataset to move (repeatable; default: all).")
    List<String> datasets = new ArrayList<>();

    @Override
    public Integer call() {
        try (Workspace source = Workspace.openExisting(StoreLocation.parse(from));
             Workspace target = Workspace.open(StoreLocation.parse(to));
             TerminalProgress progress = new TerminalProgress()) {
            List<Long> ids = datasets.stream().map(name -> Datasets.find(source.datasets().list(), name).id()).toList();
            long start = System.nanoTime();
            StoreMover.Moved moved = new StoreMover(source.database(), target.database()).copy(ids, progress);
            progress.close();
            System.out.printf("Moved %d dataset(s) from %s to %s: %d texts, %d label events, %d rounds in %.1f s%n",
                    moved.datasets(), source.storeLocation(), target.storeLocation(), moved.reviews(), moved.events(),
                    moved.rounds(), (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }
}
