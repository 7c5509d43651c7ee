package org.activelabeler.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.activelabeler.app.LabelExports;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.Datasets;
import org.activelabeler.dataset.ExportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Write a dataset's labels as CSV or JSON Lines: one row per labeled text (id, text, label,"
                + " annotator, time, source: human, oracle or file), or every label event. `import` reads the file"
                + " back; pandas and Hugging Face datasets read it as it is.")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, paramLabel = "NAME|ID", description = "The dataset to export.")
    String dataset;

    @Option(names = "--format", paramLabel = "csv|jsonl",
            description = "The format (default: from the --out name, .jsonl for JSON Lines; else csv).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path out;

    @Option(names = "--with-predictions",
            description = "Every text, with the class probabilities of a model trained now on the current labels.")
    boolean withPredictions;

    @Option(names = "--all-events",
            description = "Every label, skip and undo (changes, and each annotator's label) instead of the current"
                    + " labels.")
    boolean allEvents;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        if (withPredictions && allEvents) {
            throw new IllegalArgumentException("--with-predictions and --all-events do not go together; export"
                    + " one, then the other");
        }
        ExportFormat chosen = format != null ? ExportFormat.parse(format)
                : out != null ? ExportFormat.of(out) : ExportFormat.CSV;
        try (Workspace workspace = Workspace.openExisting(database.location());
             TerminalProgress progress = new TerminalProgress()) {
            DatasetInfo info = Datasets.find(workspace.datasets().list(), dataset);
            LabelExports.Request request = new LabelExports.Request(info, chosen, withPredictions, allEvents);
            int rows = out == null ? LabelExports.write(workspace, request, System.out, progress)
                    : LabelExports.write(workspace, request, out, progress);
            progress.close();
            if (out != null) {
                System.out.println("Exported " + rows + (allEvents ? " label events" : " rows") + " of dataset "
                        + info.id() + " '" + info.name() + "' to " + out.toAbsolutePath() + ".");
            }
            return 0;
        }
    }
}
