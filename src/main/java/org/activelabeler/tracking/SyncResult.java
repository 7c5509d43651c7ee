package org.activelabeler.tracking;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What sending the outbox did.
 *
 * @param sent records sent and removed
 * @param waiting records still waiting, for this server or another
 * @param error why the last record not taken failed, or {@code null} when every record for this server went
 * @param blocked for each run the server refused a record of, that first refused record (the run's
 *     later records wait behind it; other runs' records are sent)
 * @param elsewhere records made for other servers, which were not sent, by server
 * @param unreachable whether sending stopped because the server stopped answering
 */
public record SyncResult(int sent, int waiting, String error, List<OutboxEntry> blocked,
                         Map<String, Integer> elsewhere, boolean unreachable) {
    public SyncResult {
        blocked = List.copyOf(blocked);
        elsewhere = Map.copyOf(elsewhere);
    }

    /** The run keys whose records wait behind a refused one. */
    public Set<String> blockedRuns() {
        return Set.copyOf(blocked.stream().map(e -> e.event().run().key()).toList());
    }

    /** Records for this server that still wait. */
    public int waitingHere() {
        return waiting - elsewhere.values().stream().mapToInt(Integer::intValue).sum();
    }
}
