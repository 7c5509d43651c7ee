package org.activelabeler.stopping;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * Stabilizing predictions (Bloodgood and Vijay-Shanker 2009): Cohen's kappa between the classes that
 * consecutive models give a fixed set of texts (the stop set, drawn once, labeled or not); once it
 * stays at or above {@value #THRESHOLD} for {@value #WINDOW} rounds in a row, more labels change the
 * model little.
 */
public final class StabilizingPredictions {
    public static final double THRESHOLD = 0.99;
    public static final int WINDOW = 3;
    /** Texts in the stop set (all of a smaller pool). */
    public static final int STOP_SET = 2000;

    private final int classes;
    private final Deque<Double> recent = new ArrayDeque<>();
    private int[] previous;

    public StabilizingPredictions(int classes) {
        this.classes = classes;
    }

    /** The stop set: {@value #STOP_SET} rows of a pool (or all), drawn with a seed of their own, in increasing order. */
    public static int[] stopSet(int poolSize, long seed) {
        int size = Math.min(STOP_SET, poolSize);
        boolean[] chosen = new boolean[poolSize];
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        for (int taken = 0; taken < size; ) {
            int row = random.nextInt(poolSize);
            if (!chosen[row]) {
                chosen[row] = true;
                taken++;
            }
        }
        int[] rows = new int[size];
        for (int i = 0, k = 0; i < poolSize; i++) {
            if (chosen[i]) {
                rows[k++] = i;
            }
        }
        return rows;
    }

    /**
     * @param topClasses the newest model's class for each text of the stop set
     * @return kappa against the model before (NaN for the first), and whether it has been stable
     */
    public Reading next(int[] topClasses) {
        double kappa = previous == null ? Double.NaN : CohenKappa.of(previous, topClasses, classes);
        previous = topClasses.clone();
        if (!Double.isNaN(kappa)) {
            recent.addLast(kappa);
            if (recent.size() > WINDOW) {
                recent.removeFirst();
            }
        }
        boolean stable = recent.size() == WINDOW && recent.stream().allMatch(k -> k >= THRESHOLD);
        return new Reading(kappa, stable);
    }

    /** @param stable whether kappa was at least {@value #THRESHOLD} in each of the last {@value #WINDOW} rounds */
    public record Reading(double kappa, boolean stable) {
        public static final Reading NONE = new Reading(Double.NaN, false);
    }
}
