package org.activelabeler.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.stage.Stage;
import org.activelabeler.app.DataFolder;
import org.activelabeler.app.DatabasePassword;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.training.djl.NgramLogisticClassifier;
import org.activelabeler.ui.task.FxTaskExecutor;

/** The desktop application: the data folder of the command line, DJL on one background thread. */
public final class DesktopApp extends Application {
    private AppShell shell;
    private ExecutorService textReader;

    @Override
    public void start(Stage stage) {
        textReader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "active-labeler-text-reader");
            thread.setDaemon(true);
            return thread;
        });
        DesktopArguments arguments = DesktopArguments.parse(getParameters().getRaw());
        java.nio.file.Path folder = arguments.folder() != null ? arguments.folder() : DataFolder.resolve();
        AppConfig config = new AppConfig(folder, new FxTaskExecutor(), textReader,
                features -> new NgramLogisticClassifier(ClassifierSettings.builder().build(), features),
                this::browse, true, System.getenv(), AppConfig.desktopEmbeddings(folder));
        shell = new AppShell(config);
        if (arguments.file() != null) {
            shell.importOnOpen(arguments.file());
        }
        if (arguments.team() != null) {
            shell.connectOnShow(arguments.team(), DatabasePassword.fromEnvironment(System.getenv()));
        }
        String oracle = System.getProperty("activelabeler.oracle");
        if (oracle != null) {
            try {
                shell.startOracle(Double.parseDouble(oracle));
            } catch (NumberFormatException e) {
                System.err.println("activelabeler.oracle must be labels per second, for example 5; was " + oracle);
            }
        }
        shell.show(stage);
    }

    /** The system browser through AWT where it can, else JavaFX's host services; throws when neither can. */
    private void browse(String address) {
        if (java.awt.Desktop.isDesktopSupported()
                && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
            try {
                java.awt.Desktop.getDesktop().browse(java.net.URI.create(address));
                return;
            } catch (java.io.IOException | UnsupportedOperationException e) {
                // fall back to the host services below
            }
        }
        if (getHostServices() == null) {
            throw new IllegalStateException("no web browser is available here");
        }
        getHostServices().showDocument(address);
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
        if (textReader != null) {
            textReader.shutdownNow();
        }
    }
}
