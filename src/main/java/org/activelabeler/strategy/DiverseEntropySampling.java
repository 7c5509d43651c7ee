package org.activelabeler.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Entropy with one text per region of embedding space, so that near-duplicates do not fill a batch
 * (diverse mini-batch active learning, Zhdanov 2019): the {@value #PREFILTER}·k most uncertain
 * candidates (at most {@value #MAX_CANDIDATES}) are clustered into k groups by k-means on their sentence
 * vectors, weighted by entropy, and the most uncertain text of each group is taken. Without vectors it
 * ranks as entropy does.
 */
public final class DiverseEntropySampling implements QueryStrategy {
    public static final String NAME = "diverse-entropy";
    static final int PREFILTER = 10;
    static final int MAX_CANDIDATES = 2000;
    private static final int ITERATIONS = 10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double score(double[] probabilities, RandomGenerator random) {
        return BaldSampling.entropy(probabilities);
    }

    /** How many of the most uncertain candidates are clustered for a batch of {@code k}. */
    static int shortlist(int k) {
        return Math.max(k, Math.min(MAX_CANDIDATES, PREFILTER * k));
    }

    /**
     * @param uncertain candidates by entropy, the most uncertain first (see {@link #shortlist})
     * @param vectors the sentence vector of every pool row, by row
     * @return {@code k} of them, one per cluster (topped up by entropy where a cluster is empty), the
     *     most uncertain first
     */
    List<RankedCandidate> diversify(List<RankedCandidate> uncertain, float[][] vectors, int k, RandomGenerator random) {
        if (uncertain.size() <= k) {
            return uncertain;
        }
        int n = uncertain.size();
        int dims = vectors[uncertain.get(0).row()].length;
        double[][] points = new double[n][];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            float[] v = vectors[uncertain.get(i).row()];
            points[i] = new double[dims];
            for (int d = 0; d < dims; d++) {
                points[i][d] = v[d];
            }
            weights[i] = Math.max(1e-9, uncertain.get(i).score());
        }
        int[] cluster = kMeans(points, weights, k, random);
        int[] best = new int[k];
        Arrays.fill(best, -1);
        for (int i = 0; i < n; i++) {
            // the list is in entropy order, so the first member seen is the cluster's most uncertain
            if (best[cluster[i]] < 0) {
                best[cluster[i]] = i;
            }
        }
        boolean[] taken = new boolean[n];
        for (int b : best) {
            if (b >= 0) {
                taken[b] = true;
            }
        }
        int count = 0;
        for (boolean t : taken) {
            count += t ? 1 : 0;
        }
        for (int i = 0; i < n && count < k; i++) {
            if (!taken[i]) {
                taken[i] = true;
                count++;
            }
        }
        List<RankedCandidate> chosen = new ArrayList<>(k);
        for (int i = 0; i < n; i++) {
            if (taken[i]) {
                chosen.add(uncertain.get(i));
            }
        }
        chosen.sort(Comparator.comparingDouble(RankedCandidate::score).reversed()
                .thenComparingInt(RankedCandidate::row));
        return chosen;
    }

    /** Weighted k-means with k-means++ seeding; returns each point's cluster. */
    static int[] kMeans(double[][] points, double[] weights, int k, RandomGenerator random) {
        int n = points.length;
        double[][] centres = new double[k][];
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        centres[0] = points[random.nextInt(n)].clone();
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(points[i], centres[c - 1]));
                total += weights[i] * nearest[i];
            }
            int pick = n - 1;
            if (total > 0) {
                double target = random.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    target -= weights[i] * nearest[i];
                    if (target <= 0) {
                        pick = i;
                        break;
                    }
                }
            } else {
                pick = random.nextInt(n);
            }
            centres[c] = points[pick].clone();
        }
        int[] assigned = new int[n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int closest = 0;
                double closestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double d = distance(points[i], centres[c]);
                    if (d < closestDistance) {
                        closestDistance = d;
                        closest = c;
                    }
                }
                changed |= iteration == 0 || assigned[i] != closest;
                assigned[i] = closest;
            }
            if (!changed) {
                break;
            }
            int dims = points[0].length;
            double[][] sums = new double[k][dims];
            double[] mass = new double[k];
            for (int i = 0; i < n; i++) {
                mass[assigned[i]] += weights[i];
                for (int d = 0; d < dims; d++) {
                    sums[assigned[i]][d] += weights[i] * points[i][d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (mass[c] > 0) {
                    for (int d = 0; d < dims; d++) {
                        centres[c][d] = sums[c][d] / mass[c];
                    }
                }
            }
        }
        return assigned;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            sum += diff * diff;
        }
        return sum;
    }
}
