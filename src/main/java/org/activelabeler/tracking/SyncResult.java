package org.activelabeler.tracking;

/**
 * What sending the outbox did.
 *
 * @param sent records sent and removed
 * @param waiting records still waiting
 * @param error why sending stopped, or {@code null} when the outbox is empty
 * @param blocked the record the server did not take, which stops the others, or {@code null}
 */
public record SyncResult(int sent, int waiting, String error, OutboxEntry blocked) {
}
