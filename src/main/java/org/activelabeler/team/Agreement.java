package org.activelabeler.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How far annotators agree on the reviews that more than one of them labeled: Cohen's kappa for each pair
 * (on the reviews both labeled) and Krippendorff's alpha for nominal data over everyone (every review with
 * at least two labels; missing labels allowed). Both are 1 for perfect agreement and 0 for agreement at
 * chance; NaN where nothing can be said (no review labeled twice, or a single class throughout).
 */
public final class Agreement {
    private Agreement() {
    }

    /** Cohen's kappa of one pair of annotators, over the reviews both labeled. */
    public record PairKappa(String first, String second, int reviews, double kappa) {
    }

    /** The figures of a dataset: each pair, alpha over all, and on how many reviews alpha rests. */
    public record Report(List<PairKappa> pairs, double alpha, int reviews) {
    }

    /** @param labels for each review, each annotator's class index */
    public static Report of(Map<Long, Map<String, Integer>> labels, int classes) {
        TreeSet<String> annotators = new TreeSet<>();
        labels.values().forEach(byAnnotator -> annotators.addAll(byAnnotator.keySet()));
        List<String> names = new ArrayList<>(annotators);
        List<PairKappa> pairs = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                PairKappa pair = kappa(labels, names.get(a), names.get(b), classes);
                if (pair.reviews() > 0) {
                    pairs.add(pair);
                }
            }
        }
        int units = (int) labels.values().stream().filter(byAnnotator -> byAnnotator.size() >= 2).count();
        return new Report(pairs, alpha(labels, classes), units);
    }

    static PairKappa kappa(Map<Long, Map<String, Integer>> labels, String first, String second, int classes) {
        double[] firstMargin = new double[classes];
        double[] secondMargin = new double[classes];
        int reviews = 0;
        int agreed = 0;
        for (Map<String, Integer> byAnnotator : labels.values()) {
            Integer x = byAnnotator.get(first);
            Integer y = byAnnotator.get(second);
            if (x != null && y != null) {
                reviews++;
                agreed += x.equals(y) ? 1 : 0;
                firstMargin[x]++;
                secondMargin[y]++;
            }
        }
        if (reviews == 0) {
            return new PairKappa(first, second, 0, Double.NaN);
        }
        double observed = (double) agreed / reviews;
        double chance = 0;
        for (int k = 0; k < classes; k++) {
            chance += (firstMargin[k] / reviews) * (secondMargin[k] / reviews);
        }
        double kappa = chance == 1 ? Double.NaN : (observed - chance) / (1 - chance);
        return new PairKappa(first, second, reviews, kappa);
    }

    /** Krippendorff's alpha, nominal, from the coincidence matrix of the reviews with two labels or more. */
    static double alpha(Map<Long, Map<String, Integer>> labels, int classes) {
        double[][] coincidences = new double[classes][classes];
        for (Map<String, Integer> byAnnotator : labels.values()) {
            int m = byAnnotator.size();
            if (m < 2) {
                continue;
            }
            int[] counts = new int[classes];
            byAnnotator.values().forEach(k -> counts[k]++);
            for (int c = 0; c < classes; c++) {
                for (int k = 0; k < classes; k++) {
                    double pairs = c == k ? counts[c] * (counts[c] - 1.0) : (double) counts[c] * counts[k];
                    coincidences[c][k] += pairs / (m - 1);
                }
            }
        }
        double[] marginal = new double[classes];
        double total = 0;
        double disagreement = 0;
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < classes; k++) {
                marginal[c] += coincidences[c][k];
                disagreement += c != k ? coincidences[c][k] : 0;
            }
            total += marginal[c];
        }
        double expected = 0;
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < classes; k++) {
                expected += c != k ? marginal[c] * marginal[k] : 0;
            }
        }
        if (total < 2 || expected == 0) {
            return Double.NaN;
        }
        return 1 - (total - 1) * disagreement / expected;
    }
}
