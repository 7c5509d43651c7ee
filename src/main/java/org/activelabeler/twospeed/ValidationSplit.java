package org.activelabeler.twospeed;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which labeled reviews are kept out of training at a transformer round so that both models can
 * be judged on them. A review's side depends only on its key and the seed, so it stays there as
 * labels are added, and both models are always compared on the same reviews.
 */
public record ValidationSplit(int[] train, int[] validation) {
    /** Fewer randomly drawn labels than this give too rough an estimate; the seeded split is used then. */
    public static final int MIN_RANDOM_LABELS = 20;

    /**
     * The labels drawn at random from the pool (not chosen by uncertainty) as the validation side,
     * when there are enough of them; else {@link #of(long[], double, long)}.
     */
    public static ValidationSplit preferRandomDraws(boolean[] drawnAtRandom, long[] keys, double share, long seed) {
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            (drawnAtRandom != null && drawnAtRandom[i] ? validation : train).add(i);
        }
        if (validation.size() < MIN_RANDOM_LABELS || train.isEmpty()) {
            return of(keys, share, seed);
        }
        return new ValidationSplit(train.stream().mapToInt(Integer::intValue).toArray(),
                validation.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Splits positions {@code 0..keys.length-1}; a split with no validation or no training side is widened. */
    public static ValidationSplit of(long[] keys, double share, long seed) {
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            double u = new SplittableRandom(keys[i] * 0x9E3779B97F4A7C15L ^ seed).nextDouble();
            (u < share ? validation : train).add(i);
        }
        if (validation.isEmpty() && train.size() > 1) {
            validation.add(train.remove(train.size() - 1));
        }
        return new ValidationSplit(train.stream().mapToInt(Integer::intValue).toArray(),
                validation.stream().mapToInt(Integer::intValue).toArray());
    }
}
