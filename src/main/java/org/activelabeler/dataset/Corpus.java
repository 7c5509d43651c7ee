package org.activelabeler.dataset;

import java.util.HashMap;
import java.util.Map;

/**
 * The token ids of every review of a dataset, in stored order, for training and scoring.
 *
 * @param reviewIds the store's id of each review
 * @param tokenIds the token ids of each review
 * @param gold the file's class index per review, or -1 where the file had no label
 */
public record Corpus(DatasetInfo dataset, long[] reviewIds, int[][] tokenIds, int[] gold) {
    public int size() {
        return reviewIds.length;
    }

    /** Whether every review has a gold label. */
    public boolean fullyLabeled() {
        for (int g : gold) {
            if (g < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * This corpus without its token ids (null), for a caller that has made its features and keeps the
     * rest: at a million reviews the token ids are about 1.2 GB.
     */
    public Corpus withoutTokenIds() {
        return new Corpus(dataset, reviewIds, null, gold);
    }

    /** Each review's row, by its store id (a new map; callers keep it). */
    public Map<Long, Integer> rowsByReviewId() {
        Map<Long, Integer> rows = new HashMap<>(reviewIds.length * 2);
        for (int i = 0; i < reviewIds.length; i++) {
            rows.put(reviewIds[i], i);
        }
        return rows;
    }
}
