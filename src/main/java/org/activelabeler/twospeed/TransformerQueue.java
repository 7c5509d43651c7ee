package org.activelabeler.twospeed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** The transformer's ranking, handed out in order while it serves the queue, skipping labeled reviews. */
public final class TransformerQueue {
    private final int[] ranking;
    private int cursor;

    public TransformerQueue(int[] ranking) {
        this.ranking = ranking.clone();
    }

    /** Up to {@code count} rows for which {@code labeled} is false, best first. */
    public int[] next(int count, IntPredicate labeled) {
        List<Integer> picked = new ArrayList<>();
        while (picked.size() < count && cursor < ranking.length) {
            int row = ranking[cursor++];
            if (!labeled.test(row)) {
                picked.add(row);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    public int remaining() {
        return ranking.length - cursor;
    }
}
