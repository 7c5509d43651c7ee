package org.activelabeler.tracking;

/** One value of a metric; {@code timestamp} is fixed when it is measured, so a resend is the same point. */
public record MetricPoint(String key, double value, long step, long timestamp) {
}
