package org.activelabeler.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activelabeler.app.TextVectors;
import org.activelabeler.app.Workspace;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "embed", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Compute the sentence vectors of a dataset's texts ahead of need, into the vector cache"
                + " that every dataset, data folder, simulate run and the window share. Texts already there are"
                + " skipped; a cancelled or killed run resumes where it stopped.")
final class EmbedCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, paramLabel = "NAME|ID", description = "The dataset to embed.")
    String dataset;

    @Option(names = "--encoder", paramLabel = "NAME|FOLDER",
            description = "bge-small-en-v1.5 (default), all-MiniLM-L6-v2, a Hugging Face id or a local folder.")
    String encoder;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        try (Workspace workspace = Workspace.openExisting(database.location());
             TerminalProgress progress = new TerminalProgress();
             TextVectors vectors = TextVectors.open(workspace, encoder)) {
            DatasetInfo info = Datasets.find(workspace.datasets().list(), dataset);
            List<String> texts = workspace.datasets().reviewTexts(info.id(), progress);
            int missing = vectors.missing(texts);
            long start = System.nanoTime();
            vectors.of(texts, progress);
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.close();
            System.out.println(String.format(Locale.ROOT, "Dataset %d '%s': %d texts, %d embedded now%s, %d were in"
                    + " the cache. Encoder %s, %d tokens; cache %s.", info.id(), info.name(), texts.size(), missing,
                    missing == 0 ? "" : String.format(Locale.ROOT, " in %.1f s (%.1f texts/s, %d threads)", seconds,
                            missing / seconds, Runtime.getRuntime().availableProcessors()),
                    texts.size() - missing, vectors.encoderName(), vectors.tokenBudget(), vectors.cacheFolder()));
            return 0;
        }
    }
}
