package org.activelabeler.cli;

import java.util.concurrent.Callable;
import org.activelabeler.app.TrackingSession;
import org.activelabeler.app.Workspace;
import org.activelabeler.tracking.OutboxSender;
import org.activelabeler.tracking.SyncResult;
import org.activelabeler.tracking.TrackingSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Send the tracking records that wait in the outbox to the MLflow server, oldest first.")
final class SyncCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Mixin
    TrackingOptions tracking;

    @Override
    public Integer call() {
        try (Workspace workspace = Workspace.open(database.folder)) {
            int waiting = workspace.trackingOutbox().count();
            TrackingSink sink = TrackingSession.sink(tracking.trackingUri, System.getenv());
            if (sink == null) {
                System.out.println(waiting + " tracking records wait in the outbox; set MLFLOW_TRACKING_URI or"
                        + " --tracking-uri to send them");
                return waiting == 0 ? 0 : 1;
            }
            try (sink) {
                if (waiting > 0 && !sink.reachable()) {
                    System.out.println("The MLflow server " + sink.address() + " does not answer; " + waiting
                            + " tracking records wait in the outbox");
                    return 1;
                }
                SyncResult result = new OutboxSender(sink, workspace.trackingOutbox()).sendAll();
                TrackingSession.deleteFilesIfSent(workspace);
                System.out.println("Sent " + result.sent() + " tracking records to " + sink.address() + "; "
                        + result.waiting() + " wait" + (result.error() == null ? "." : ": " + result.error()));
                return result.waiting() == 0 ? 0 : 1;
            }
        }
    }
}
