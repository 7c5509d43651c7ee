package org.activelabeler.tracking;

import java.util.List;

/** Sends the outbox to the server, oldest first, and stops at the first record that fails. */
public final class OutboxSender {
    private static final int BATCH = 100;
    private final TrackingSink sink;
    private final TrackingOutbox outbox;

    public OutboxSender(TrackingSink sink, TrackingOutbox outbox) {
        this.sink = sink;
        this.outbox = outbox;
    }

    public SyncResult sendAll() {
        int sent = 0;
        while (true) {
            List<OutboxEntry> entries = outbox.oldest(BATCH);
            if (entries.isEmpty()) {
                return new SyncResult(sent, 0, null, null);
            }
            for (OutboxEntry entry : entries) {
                try {
                    sink.send(entry.event());
                } catch (TrackingException e) {
                    outbox.recordFailure(entry.seq(), e.getMessage());
                    return new SyncResult(sent, outbox.count(), e.getMessage(), entry);
                }
                outbox.remove(entry.seq());
                sent++;
            }
        }
    }
}
