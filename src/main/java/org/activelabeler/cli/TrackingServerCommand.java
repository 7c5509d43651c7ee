package org.activelabeler.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.activelabeler.app.LocalMlflowServer;
import org.activelabeler.app.MlflowExecutable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "tracking-server", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Serve the local MLflow store of the data folder until Ctrl-C, to see the runs in a browser.",
            "Other commands log to this server while it runs; without it they start their own for as long as"
                    + " they run."})
final class TrackingServerCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() throws InterruptedException {
        Path mlflow = MlflowExecutable.find(System.getenv()).orElseThrow(() -> new IllegalStateException(
                "No `mlflow` found (on the PATH, in .venv or " + MlflowExecutable.ENV + "); run"
                        + " scripts/setup-mlflow.sh or `pip install mlflow`"));
        Path folder = database.localFolder()
                .resolve(LocalMlflowServer.FOLDER);
        try (LocalMlflowServer server = LocalMlflowServer.startOrReuse(mlflow, folder)) {
            if (!server.started()) {
                System.out.println("The local MLflow server of " + folder + " already runs at " + server.uri()
                        + " (started by another process)");
                return 0;
            }
            System.out.println("MLflow server at " + server.uri() + " with the store " + folder
                    + "; open that address to see the runs. Ctrl-C stops it.");
            int exit = server.waitFor();
            System.out.println("The MLflow server stopped with exit code " + exit);
            return exit == 0 ? 0 : 1;
        }
    }
}
