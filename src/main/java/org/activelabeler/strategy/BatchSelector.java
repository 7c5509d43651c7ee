package org.activelabeler.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;
import org.activelabeler.model.Predictions;

/** Ranks unlabeled rows by a strategy's score and keeps the top k; ties go to the lower row. */
public final class BatchSelector {
    private final QueryStrategy strategy;

    public BatchSelector(QueryStrategy strategy) {
        this.strategy = strategy;
    }

    /**
     * @param predictions the class probabilities of every row of the pool
     * @param candidates the rows that may be asked (the unlabeled ones), in increasing order
     * @param k how many to return
     */
    public List<RankedCandidate> top(Predictions predictions, int[] candidates, int k, RandomGenerator random) {
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
        List<RankedCandidate> result = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            RankedCandidate c = ranked.get(i);
            result.add(new RankedCandidate(c.row(), i + 1, c.score(), c.topClass(), c.topProbability()));
        }
        return result;
    }
}
