package org.activelabeler.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;
import org.activelabeler.model.Predictions;

/**
 * Ranks unlabeled rows by a strategy's score and keeps the top k; ties go to the lower row. For
 * {@link DiverseEntropySampling} with sentence vectors, the top is then spread over embedding space.
 */
public final class BatchSelector {
    private final QueryStrategy strategy;
    private final float[][] vectors;

    public BatchSelector(QueryStrategy strategy) {
        this(strategy, null);
    }

    /** @param vectors each pool row's sentence vector, or null when there are none */
    public BatchSelector(QueryStrategy strategy, float[][] vectors) {
        this.strategy = strategy;
        this.vectors = vectors;
    }

    /**
     * @param predictions the class probabilities of every row of the pool
     * @param candidates the rows that may be asked (the unlabeled ones), in increasing order
     * @param k how many to return
     */
    public List<RankedCandidate> top(Predictions predictions, int[] candidates, int k, RandomGenerator random) {
        if (strategy instanceof DiverseEntropySampling diverse && vectors != null && k > 0) {
            List<RankedCandidate> spread = diverse.diversify(byScore(predictions, candidates,
                    DiverseEntropySampling.shortlist(k), random), vectors, k, random);
            return ranked(spread);
        }
        return byScore(predictions, candidates, k, random);
    }

    private static List<RankedCandidate> ranked(List<RankedCandidate> ordered) {
        List<RankedCandidate> result = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            RankedCandidate c = ordered.get(i);
            result.add(new RankedCandidate(c.row(), i + 1, c.score(), c.topClass(), c.topProbability()));
        }
        return result;
    }

    private List<RankedCandidate> byScore(Predictions predictions, int[] candidates, int k, RandomGenerator random) {
        Comparator<RankedCandidate> worstFirst = Comparator.comparingDouble(RankedCandidate::score)
                .thenComparing(Comparator.comparingInt(RankedCandidate::row).reversed());
        PriorityQueue<RankedCandidate> best = new PriorityQueue<>(Math.max(1, k), worstFirst);
        double[] probabilities = new double[predictions.classes()];
        for (int row : candidates) {
            predictions.row(row, probabilities);
            int top = predictions.top(row);
            RankedCandidate candidate = new RankedCandidate(row, 0, strategy.score(probabilities, random), top,
                    probabilities[top]);
            if (best.size() < k) {
                best.add(candidate);
            } else if (k > 0 && worstFirst.compare(candidate, best.peek()) > 0) {
                best.poll();
                best.add(candidate);
            }
        }
        List<RankedCandidate> ranked = new ArrayList<>(best);
        ranked.sort(worstFirst.reversed());
        return ranked(ranked);
    }
}
