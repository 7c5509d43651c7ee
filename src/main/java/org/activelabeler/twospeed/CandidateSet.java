package org.activelabeler.twospeed;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.activelabeler.model.Predictions;
import org.activelabeler.strategy.BaldSampling;
import org.activelabeler.strategy.RandomDraw;

/**
 * The unlabeled reviews a CPU transformer scores: the fast model's most uncertain ones plus a random
 * share of the rest. Scoring the whole pool takes a CPU over an hour.
 */
public final class CandidateSet {
    private CandidateSet() {
    }

    /**
     * @param fast the fast model's class probabilities for every pool row
     * @param unlabeled the rows that may be asked
     */
    public static int[] pick(Predictions fast, int[] unlabeled, TwoSpeedSettings settings, SplittableRandom random) {
        if (settings.wholePool() || unlabeled.length <= settings.uncertainCandidates() + settings.randomCandidates()) {
            return unlabeled.clone();
        }
        Integer[] byUncertainty = Arrays.stream(unlabeled).boxed().toArray(Integer[]::new);
        Arrays.sort(byUncertainty, Comparator.comparingDouble(
                (Integer row) -> -BaldSampling.entropy(fast, row)).thenComparingInt(row -> row));
        int uncertain = settings.uncertainCandidates();
        int[] rest = IntStream.range(uncertain, byUncertainty.length).map(i -> byUncertainty[i]).toArray();
        int[] drawn = RandomDraw.take(rest, settings.randomCandidates(), random);
        int[] picked = new int[uncertain + drawn.length];
        for (int i = 0; i < uncertain; i++) {
            picked[i] = byUncertainty[i];
        }
        System.arraycopy(drawn, 0, picked, uncertain, drawn.length);
        return picked;
    }
}
