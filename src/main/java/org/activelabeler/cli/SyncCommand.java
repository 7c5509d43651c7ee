package org.activelabeler.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.activelabeler.app.TrackingSession;
import org.activelabeler.app.TrackingTarget;
import org.activelabeler.app.Workspace;
import org.activelabeler.tracking.OutboxEntry;
import org.activelabeler.tracking.OutboxSender;
import org.activelabeler.tracking.SyncResult;
import org.activelabeler.tracking.TrackingOutbox;
import org.activelabeler.tracking.mlflow.MlflowTrackingSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Send the tracking records that wait in the outbox to the MLflow server they were made for,"
                + " oldest first. A record the server refuses holds back the later records of its run (shown;"
                + " --drop-blocked drops it); other runs go on. Records made for another server are counted and"
                + " stay, unless --to-this-server sends them here.")
final class SyncCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Mixin
    TrackingOptions tracking;

    @Option(names = "--drop-blocked",
            description = "Drop each record the answering server refuses (it is lost from tracking), then send the"
                    + " rest.")
    boolean dropBlocked;

    @Option(names = "--to-this-server",
            description = "Also send the records that were made for another server to this one.")
    boolean toThisServer;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        try (Workspace workspace = Workspace.open(database.location());
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
            if (toThisServer && !result.elsewhere().isEmpty()) {
                result.elsewhere().keySet().forEach(other -> outbox.retarget(other, sink.target()));
                result = send(sink, workspace);
            }
            if (!result.blocked().isEmpty() && dropBlocked) {
                if (!sink.reachable()) {
                    System.out.println("Nothing dropped: the MLflow server " + sink.address() + " stopped answering");
                    return 1;
                }
                for (OutboxEntry entry : result.blocked()) {
                    outbox.remove(entry.seq());
                    System.out.println("Dropped " + entry.describe() + ". It will not be sent.");
                }
                result = send(sink, workspace);
            }
            return result.waiting() == 0 ? 0 : 1;
        }
    }

    private static SyncResult send(MlflowTrackingSink sink, Workspace workspace) {
        SyncResult result = new OutboxSender(sink, workspace.trackingOutbox()).sendAll();
        TrackingSession.deleteFilesIfSent(workspace);
        System.out.println("Sent " + result.sent() + " tracking records to " + sink.address() + "; "
                + result.waiting() + " wait" + (result.error() == null ? "." : "; last error: " + result.error()));
        for (OutboxEntry entry : result.blocked()) {
            System.out.println("Blocked by " + entry.describe() + ". If the server keeps refusing it,"
                    + " `active-labeler sync --drop-blocked` drops it.");
        }
        result.elsewhere().forEach((server, count) -> System.out.println(count + " records were made for "
                + server + " and wait for it: " + (server.equals(TrackingTarget.LOCAL)
                ? "`active-labeler sync` without --tracking-uri or MLFLOW_TRACKING_URI"
                : "`active-labeler sync --tracking-uri " + server + "`") + " sends them there; `--to-this-server`"
                + " sends them to " + sink.address() + "."));
        return result;
    }
}
