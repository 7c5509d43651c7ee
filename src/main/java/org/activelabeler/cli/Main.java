package org.activelabeler.cli;

import org.activelabeler.app.AppVersion;
import org.activelabeler.app.MemoryAdvice;
import org.activelabeler.dataset.DatasetFormatException;
import org.activelabeler.progress.CancelledException;
import org.activelabeler.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line entry point. */
@Command(name = "active-labeler", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Human-in-the-loop active learning for review sentiment.",
        subcommands = {ImportCommand.class, SimulateCommand.class, BenchCommand.class, DatasetsCommand.class,
                SyncCommand.class, TrainCommand.class, EvaluateCommand.class, TrackingServerCommand.class,
                ExportCommand.class, EmbedCommand.class, PredictCommand.class,
                ServeCommand.class, MoveCommand.class, TeamCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // libtorch for the CPU ships in the class path: never let DJL reach for the network.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // libtorch's OpenMP threads spin while they wait; on a laptop shared with the UI, the
        // database and feature building, half the cores train faster than all of them.
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        boolean command = args.length > 0 && new CommandLine(new Main()).getSubcommands().containsKey(args[0]);
        if (!command && org.activelabeler.ui.DesktopArguments.areFor(args)) {
            // No command (at most the window's own options, or a file to import): the desktop app.
            org.activelabeler.ui.DesktopLauncher.main(args);
            return;
        }
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code: 0 success, 1 bad input or failure, 2 usage. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof DatasetFormatException || e instanceof StoreException
                    || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 1;
            }
            if (e instanceof CancelledException) {
                cmd.getErr().println("cancelled");
                return 130;
            }
            throw e;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            commandLine.getErr().println("error: " + MemoryAdvice.describe());
            return 1;
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"active-labeler " + AppVersion.get()};
        }
    }
}
