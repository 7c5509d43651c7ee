package org.activelabeler.team;

import java.time.Duration;

/**
 * How a team shares a dataset: {@code overlapShare} of the reviews are served to two annotators, who label
 * them independently (the agreement is measured on those); a served review is held for the annotator for
 * {@code lease}, after which it goes to whoever asks next.
 */
public record TeamSettings(double overlapShare, Duration lease) {
    public static final TeamSettings DEFAULT = new TeamSettings(0.10, Duration.ofMinutes(10));

    public TeamSettings {
        if (!(overlapShare >= 0 && overlapShare <= 1)) {
            throw new IllegalArgumentException("The overlap share must be between 0 and 1 (0.1 is 10%), not " + overlapShare);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("A claim must hold for some time, not " + lease);
        }
    }

    /** Whether {@code reviewId} is one of the reviews two annotators label: a fixed, even draw by the id. */
    public boolean overlaps(long reviewId) {
        return overlapShare > 0 && unitInterval(reviewId) < overlapShare;
    }

    /** How many annotators label {@code reviewId} independently. */
    public int labelersOf(long reviewId) {
        return overlaps(reviewId) ? 2 : 1;
    }

    private static double unitInterval(long id) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
