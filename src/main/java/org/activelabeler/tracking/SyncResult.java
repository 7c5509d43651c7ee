package org.activelabeler.tracking;

/**
 * What sending the outbox did.
 *
 * @param sent records sent and removed
 * @param waiting records still waiting
 * @param error why sending stopped, or {@code null} when the outbox is empty
 */
public record SyncResult(int sent, int waiting, String error) {
}
