package org.activelabeler.strategy;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Uniform draws without replacement from a seeded generator: the first steps of a Fisher-Yates shuffle. */
public final class RandomDraw {
    private RandomDraw() {
    }

    /** {@code count} of {@code items} (all of them if fewer), in the order drawn; {@code items} is not changed. */
    public static int[] take(int[] items, int count, SplittableRandom random) {
        int[] shuffled = items.clone();
        int n = Math.min(count, shuffled.length);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(shuffled.length - i);
            int swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        return Arrays.copyOf(shuffled, n);
    }

    /** {@code count} of {@code items} in ascending order, or all of them when {@code count} is not smaller. */
    public static int[] sortedSample(int[] items, int count, SplittableRandom random) {
        if (count >= items.length) {
            return items.clone();
        }
        int[] picked = take(items, count, random);
        Arrays.sort(picked);
        return picked;
    }
}
