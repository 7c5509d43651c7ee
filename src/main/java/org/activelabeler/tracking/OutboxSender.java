package org.activelabeler.tracking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sends the outbox records made for this sink's server, oldest first. A record the server refuses
 * holds back the later records of its own run only; records of other runs go on. Records made for
 * another server stay, and are counted. Sending stops when the server stops answering (or answers
 * that it cannot take records now: {@link ServerUnavailableException}).
 */
public final class OutboxSender {
    private static final int BATCH = 100;
    private final TrackingSink sink;
    private final TrackingOutbox outbox;
    private Set<String> skippedRuns = Set.of();
    private Consumer<TrackingEvent> onSent = event -> { };

    public OutboxSender(TrackingSink sink, TrackingOutbox outbox) {
        this.sink = sink;
        this.outbox = outbox;
    }

    /** Leaves the records of these runs waiting without trying them (runs the server refused before). */
    public OutboxSender skipping(Set<String> runs) {
        skippedRuns = Set.copyOf(runs);
        return this;
    }

    /** Hears each record the server took. */
    public OutboxSender onSent(Consumer<TrackingEvent> listener) {
        onSent = listener;
        return this;
    }

    public SyncResult sendAll() {
        String target = sink.target();
        int sent = 0;
        String error = null;
        List<OutboxEntry> blocked = new ArrayList<>();
        Set<String> blockedRuns = new HashSet<>();
        Map<String, Integer> elsewhere = new LinkedHashMap<>();
        long after = 0;
        while (true) {
            List<OutboxEntry> entries = outbox.after(after, BATCH);
            if (entries.isEmpty()) {
                return new SyncResult(sent, outbox.count(), error, blocked, elsewhere, false);
            }
            for (OutboxEntry entry : entries) {
                after = entry.seq();
                String run = entry.event().run().key();
                if (!entry.isFor(target)) {
                    elsewhere.merge(entry.target(), 1, Integer::sum);
                    continue;
                }
                if (blockedRuns.contains(run) || skippedRuns.contains(run)) {
                    continue;
                }
                try {
                    sink.send(entry.event());
                } catch (TrackingException e) {
                    outbox.recordFailure(entry.seq(), e.getMessage());
                    error = e.getMessage();
                    if (e instanceof ServerUnavailableException || !sink.reachable()) {
                        return new SyncResult(sent, outbox.count(), error, blocked, elsewhere, true);
                    }
                    blockedRuns.add(run);
                    blocked.add(entry);
                    continue;
                }
                outbox.remove(entry.seq());
                sent++;
                onSent.accept(entry.event());
            }
        }
    }
}
