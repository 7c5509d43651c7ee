package org.activelabeler.stopping;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The model's accuracy on texts drawn at random from the unlabeled ones, each judged by the model in
 * force when it was drawn, before its label was learned from: an unbiased estimate of the accuracy on
 * the texts still to label, with a Wilson 95% interval, over the newest {@value #WINDOW} audit labels.
 */
public final class AuditEstimate {
    public static final int WINDOW = 500;
    private static final double Z = 1.959964;

    private final Deque<Boolean> recent = new ArrayDeque<>();
    private int total;

    /** One audit label: whether the model in force when the text was drawn predicted it. */
    public void add(boolean correct) {
        recent.addLast(correct);
        total++;
        if (recent.size() > WINDOW) {
            recent.removeFirst();
        }
    }

    /** The estimate now; NaN figures before the first audit label. */
    public Reading reading() {
        int n = recent.size();
        if (n == 0) {
            return Reading.NONE;
        }
        long correct = recent.stream().filter(Boolean::booleanValue).count();
        double p = (double) correct / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Reading(p, Math.max(0, centre - half), Math.min(1, centre + half), n, total);
    }

    /**
     * @param labels the audit labels the estimate is made of (the newest, at most {@value #WINDOW})
     * @param total every audit label so far
     */
    public record Reading(double accuracy, double low, double high, int labels, int total) {
        public static final Reading NONE = new Reading(Double.NaN, Double.NaN, Double.NaN, 0, 0);
    }
}
