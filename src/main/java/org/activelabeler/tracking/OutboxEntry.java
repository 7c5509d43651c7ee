package org.activelabeler.tracking;

/** A tracking record that waits to be sent; {@code seq} gives the order. */
public record OutboxEntry(long seq, TrackingEvent event) {
}
