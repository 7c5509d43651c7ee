package org.activelabeler.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.features.FeatureSettings;

/**
 * The pool and holdout of an experiment as feature rows. Document frequencies are learned from the
 * pool's text alone. Without a holdout file, a seeded random share of the pool is held out and never
 * queried. {@code poolSource[row]} and {@code holdoutSource[row]} give each row's index in the
 * corpus it came from (the pool's corpus for a carved-out holdout), to find its text.
 */
public record ExperimentData(LabeledRows pool, LabeledRows holdout, FeaturePipeline pipeline, int[] poolSource,
                             int[] holdoutSource) {
    public static final double CARVED_HOLDOUT_SHARE = 0.1;
    public static final int CARVED_HOLDOUT_MAX = 5000;

    public static ExperimentData of(Corpus pool, Corpus holdout, FeatureSettings settings, long seed) {
        requireGold(pool);
        if (holdout != null) {
            requireGold(holdout);
            FeaturePipeline.Fitted fitted = FeaturePipeline.fit(pool.tokenIds(), settings);
            return new ExperimentData(new LabeledRows(fitted.rows(), pool.gold()),
                    new LabeledRows(fitted.pipeline().transform(holdout.tokenIds()), holdout.gold()), fitted.pipeline(),
                    identity(pool.size()), identity(holdout.size()));
        }
        boolean[] heldOut = carveOut(pool.size(), seed);
        List<int[]> queryTokens = new ArrayList<>();
        List<int[]> heldTokens = new ArrayList<>();
        List<Integer> queryGold = new ArrayList<>();
        List<Integer> heldGold = new ArrayList<>();
        List<Integer> querySource = new ArrayList<>();
        List<Integer> heldSource = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            (heldOut[i] ? heldTokens : queryTokens).add(pool.tokenIds()[i]);
            (heldOut[i] ? heldGold : queryGold).add(pool.gold()[i]);
            (heldOut[i] ? heldSource : querySource).add(i);
        }
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(queryTokens.toArray(int[][]::new), settings);
        return new ExperimentData(new LabeledRows(fitted.rows(), toArray(queryGold)),
                new LabeledRows(fitted.pipeline().transform(heldTokens.toArray(int[][]::new)), toArray(heldGold)),
                fitted.pipeline(), toArray(querySource), toArray(heldSource));
    }

    private static boolean[] carveOut(int size, long seed) {
        int count = Math.min(CARVED_HOLDOUT_MAX, (int) Math.round(size * CARVED_HOLDOUT_SHARE));
        if (count < 2 || size - count < 2) {
            throw new IllegalArgumentException("The pool has only " + size + " reviews: too few to hold some out;"
                    + " give a --holdout file");
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        boolean[] held = new boolean[size];
        int chosen = 0;
        while (chosen < count) {
            int i = random.nextInt(size);
            if (!held[i]) {
                held[i] = true;
                chosen++;
            }
        }
        return held;
    }

    private static void requireGold(Corpus corpus) {
        if (!corpus.fullyLabeled()) {
            throw new IllegalArgumentException(corpus.dataset().sourcePath() + " has reviews without a sentiment;"
                    + " the simulated oracle needs a file with a 'sentiment' column filled for every review");
        }
    }

    private static int[] identity(int size) {
        return java.util.stream.IntStream.range(0, size).toArray();
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
