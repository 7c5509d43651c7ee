package org.activelabeler.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.activelabeler.app.TrackingSession;
import org.activelabeler.app.TrackingTarget;
import org.activelabeler.app.Workspace;
import org.activelabeler.tracking.OutboxSender;
import org.activelabeler.tracking.SyncResult;
import org.activelabeler.tracking.TrackingOutbox;
import org.activelabeler.tracking.mlflow.MlflowTrackingSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Send the tracking records that wait in the outbox to the MLflow server, oldest first."
                + " A record the server does not take stops the others; it is shown, and --drop-blocked drops it.")
final class SyncCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Mixin
    TrackingOptions tracking;

    @Option(names = "--drop-blocked",
            description = "Drop the one record the answering server does not take (it is lost from tracking),"
                    + " then send the rest.")
    boolean dropBlocked;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        try (Workspace workspace = Workspace.open(database.folder);
             TrackingTarget target = TrackingTarget.resolve(workspace.folder(), tracking.trackingUri, env)) {
            TrackingOutbox outbox = workspace.trackingOutbox();
            int waiting = outbox.count();
            MlflowTrackingSink sink = target.sink();
            if (sink == null) {
                System.out.println(waiting + " tracking records wait in the outbox; " + target.offReason());
                return waiting == 0 ? 0 : 1;
            }
            if (waiting > 0 && !sink.reachable()) {
                System.out.println("The MLflow server " + sink.address() + " does not answer; " + waiting
                        + " tracking records wait in the outbox");
                return 1;
            }
            SyncResult result = send(sink, workspace);
            if (result.blocked() != null && dropBlocked) {
                if (!sink.reachable()) {
                    System.out.println("Nothing dropped: the MLflow server " + sink.address() + " stopped answering");
                    return 1;
                }
                outbox.remove(result.blocked().seq());
                System.out.println("Dropped " + result.blocked().describe() + ". It will not be sent.");
                result = send(sink, workspace);
            }
            return result.waiting() == 0 ? 0 : 1;
        }
    }

    private static SyncResult send(MlflowTrackingSink sink, Workspace workspace) {
        SyncResult result = new OutboxSender(sink, workspace.trackingOutbox()).sendAll();
        TrackingSession.deleteFilesIfSent(workspace);
        System.out.println("Sent " + result.sent() + " tracking records to " + sink.address() + "; "
                + result.waiting() + " wait" + (result.error() == null ? "." : ": " + result.error()));
        if (result.blocked() != null) {
            System.out.println("Blocked by " + result.blocked().describe() + ". If the server keeps refusing it,"
                    + " `active-labeler sync --drop-blocked` drops it.");
        }
        return result;
    }
}
