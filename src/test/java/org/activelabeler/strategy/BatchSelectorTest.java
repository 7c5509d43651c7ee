package org.activelabeler.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.activelabeler.model.Predictions;
import org.junit.jupiter.api.Test;

class BatchSelectorTest {
    private final BatchSelector entropy = new BatchSelector(new EntropySampling());

    private static int[] rows(List<RankedCandidate> ranked) {
        return ranked.stream().mapToInt(RankedCandidate::row).toArray();
    }

    @Test
    void returnsTheTopKByScoreWithRanksFromOne() {
        Predictions p = Predictions.binary(new float[] {0.95f, 0.5f, 0.8f, 0.01f, 0.6f, 0.3f});
        int[] all = {0, 1, 2, 3, 4, 5};

        List<RankedCandidate> top = entropy.top(p, all, 3, new SplittableRandom(1));

        assertThat(rows(top)).containsExactly(1, 4, 5);
        assertThat(top).extracting(RankedCandidate::rank).containsExactly(1, 2, 3);
        assertThat(top.get(0).score()).isCloseTo(Math.log(2), within(1e-9));
        assertThat(top).extracting(RankedCandidate::topClass).containsExactly(1, 1, 0);
        assertThat(top).extracting(RankedCandidate::topProbability)
                .containsExactly((double) 0.5f, (double) 0.6f, (double) (1 - 0.3f));
        assertThat(top.get(0).score()).isGreaterThan(top.get(1).score());
        assertThat(top.get(1).score()).isGreaterThan(top.get(2).score());
    }

    @Test
    void breaksTiesByTheLowerRow() {
        Predictions p = Predictions.binary(new float[] {0.9f, 0.5f, 0.9f, 0.9f, 0.1f, 0.5f});
        int[] all = {0, 1, 2, 3, 4, 5};

        assertThat(rows(entropy.top(p, all, 3, new SplittableRandom(1)))).containsExactly(1, 5, 0);
        assertThat(rows(entropy.top(p, all, 6, new SplittableRandom(1)))).containsExactly(1, 5, 0, 2, 3, 4);
        assertThat(rows(new BatchSelector(new MarginSampling()).top(p, new int[] {2, 3, 4}, 2,
                new SplittableRandom(1)))).containsExactly(2, 3);
    }

    @Test
    void onlyReturnsCandidateRows() {
        Predictions p = Predictions.binary(new float[] {0.5f, 0.99f, 0.51f, 0.02f, 0.49f, 0.9f});
        int[] unlabeled = {1, 3, 5};

        List<RankedCandidate> top = entropy.top(p, unlabeled, 2, new SplittableRandom(1));
        List<RankedCandidate> all = entropy.top(p, unlabeled, 10, new SplittableRandom(1));

        assertThat(rows(top)).containsExactly(5, 3);
        assertThat(rows(all)).containsExactly(5, 3, 1);
        assertThat(entropy.top(p, new int[0], 3, new SplittableRandom(1))).isEmpty();
        assertThat(entropy.top(p, unlabeled, 0, new SplittableRandom(1))).isEmpty();
    }

    @Test
    void randomSamplingIsReproducibleForASeed() {
        BatchSelector random = new BatchSelector(new RandomSampling());
        Predictions p = Predictions.binary(new float[200]);
        int[] candidates = IntStream.range(0, 200).filter(i -> i % 3 != 0).toArray();

        List<RankedCandidate> first = random.top(p, candidates, 20, new SplittableRandom(42));
        List<RankedCandidate> again = random.top(p, candidates, 20, new SplittableRandom(42));
        List<RankedCandidate> other = random.top(p, candidates, 20, new SplittableRandom(43));

        assertThat(again).isEqualTo(first);
        assertThat(rows(other)).isNotEqualTo(rows(first));
        assertThat(first).extracting(RankedCandidate::row).doesNotHaveDuplicates().allMatch(row -> row % 3 != 0);
        assertThat(first).extracting(RankedCandidate::score).allMatch(s -> s >= 0 && s < 1);
    }

    @Test
    void ranksAFourClassPoolByTheEntropyOfEachDistribution() {
        Predictions p = Predictions.of(new float[] {
                0.25f, 0.25f, 0.25f, 0.25f,
                0.97f, 0.01f, 0.01f, 0.01f,
                0.4f, 0.4f, 0.1f, 0.1f,
                0.1f, 0.1f, 0.1f, 0.7f}, 4);

        List<RankedCandidate> top = entropy.top(p, new int[] {0, 1, 2, 3}, 4, new SplittableRandom(1));

        assertThat(rows(top)).containsExactly(0, 2, 3, 1);
        assertThat(top.get(0).score()).isCloseTo(Math.log(4), within(1e-6));
        // -(2 * 0.4 ln 0.4 + 2 * 0.1 ln 0.1)
        assertThat(top.get(1).score()).isCloseTo(1.193549, within(1e-5));
        assertThat(top.get(2).topClass()).isEqualTo(3);
        assertThat(top.get(2).topProbability()).isCloseTo(0.7, within(1e-6));
        assertThat(rows(new BatchSelector(new MarginSampling()).top(p, new int[] {0, 1, 2, 3}, 4,
                new SplittableRandom(1)))).as("margin: 1 - (p1 - p2)").containsExactly(0, 2, 3, 1);
        assertThat(rows(new BatchSelector(new LeastConfidenceSampling()).top(p, new int[] {0, 1, 2, 3}, 4,
                new SplittableRandom(1)))).as("least confidence: 1 - max p").containsExactly(0, 2, 3, 1);
    }
}
