package org.activelabeler.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.activelabeler.app.AppVersion;
import org.activelabeler.model.Predictions;
import org.activelabeler.modelpackage.PackagedModel;
import org.activelabeler.progress.Progress;
import org.activelabeler.serving.ScoringServer;
import org.activelabeler.serving.ServerSettings;
import org.activelabeler.serving.TextScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Serve a model over HTTP with MLflow's scoring protocol, so that a client written for"
                + " `mlflow models serve` works unchanged: POST /invocations (dataframe_split, dataframe_records,"
                + " instances or inputs JSON, or CSV with a text column), GET /ping, /health and /version.",
            "Answers {\"predictions\": [{\"label\": ..., \"p_<class>\": ...}, ...]}. Runs until stopped (Ctrl+C)."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "REF",
            description = "models:/NAME/VERSION, models:/NAME@ALIAS, runs:/RUN_ID/PATH or a model folder.")
    String model;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every"
                    + " network).")
    String host;

    @Option(names = {"-p", "--port"}, defaultValue = "5000", paramLabel = "PORT",
            description = "Port (default: ${DEFAULT-VALUE}, as mlflow models serve; 0 picks a free one).")
    int port;

    @Option(names = "--max-rows", defaultValue = "10000", paramLabel = "N",
            description = "Most texts in one request (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--max-body-mb", defaultValue = "10", paramLabel = "MB",
            description = "Largest request body in MiB (default: ${DEFAULT-VALUE}).")
    int maxBodyMb;

    @Mixin
    DatabaseOption database;

    @Mixin
    TrackingOptions tracking;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = ServerSettings.defaults().withHost(host).withPort(port).withMaxRows(maxRows)
                .withMaxBodyBytes(maxBodyBytes());
        try (LoadedModel loaded = open()) {
            CountDownLatch stopped = new CountDownLatch(1);
            try (ScoringServer server = ScoringServer.start(new Scorer(loaded), AppVersion.get(), settings)) {
                Thread hook = new Thread(() -> {
                    server.close();
                    stopped.countDown();
                }, "serve-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                System.out.println("Serving " + loaded.description() + " at " + server.baseUri() + "invocations"
                        + " (classes: " + String.join(", ", loaded.model().labels().names()) + "); Ctrl+C stops");
                System.out.flush();
                stopped.await();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot listen on " + host + ":" + port + " (" + e.getMessage()
                        + "); choose another --port", e);
            }
            return 0;
        }
    }

    private int maxBodyBytes() {
        if (maxBodyMb < 1 || maxBodyMb > 1024) {
            throw new IllegalArgumentException("--max-body-mb must be 1 to 1024, not " + maxBodyMb);
        }
        return maxBodyMb * 1024 * 1024;
    }

    private LoadedModel open() {
        try (TerminalProgress progress = new TerminalProgress()) {
            return LoadedModel.open(model, database.localFolder(), tracking.trackingUri, progress);
        }
    }

    /** The loaded model as the server's port. */
    private record Scorer(LoadedModel loaded) implements TextScorer {
        @Override
        public List<String> classNames() {
            return loaded.model().labels().names();
        }

        @Override
        public float[][] score(List<String> texts) {
            PackagedModel model = loaded.model();
            Predictions predictions = model.score(texts, Progress.NONE);
            float[][] rows = new float[predictions.size()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = predictions.row(i);
            }
            return rows;
        }

        @Override
        public String description() {
            return loaded.description();
        }
    }
}
