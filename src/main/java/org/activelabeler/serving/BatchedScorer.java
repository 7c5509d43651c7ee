package org.activelabeler.serving;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Scores all texts of one request through a {@link TextScorer}, at most {@code batchSize} texts a call, and one
 * request at a time, since the scorer need not be thread-safe. Checks that every answer is a table of finite
 * probabilities, one row per text and one column per class.
 */
final class BatchedScorer {

    private final TextScorer scorer;
    private final int batchSize;
    private final int classCount;
    private final ReentrantLock lock = new ReentrantLock();

    BatchedScorer(TextScorer scorer, int batchSize, int classCount) {
        this.scorer = scorer;
        this.batchSize = batchSize;
        this.classCount = classCount;
    }

    /** One probability row per text, in the texts' order; no scorer call for no texts. */
    float[][] scoreAll(List<String> texts) throws ScorerException {
        float[][] scored = new float[texts.size()][];
        lock.lock();
        try {
            for (int start = 0; start < texts.size(); start += batchSize) {
                List<String> batch = List.copyOf(texts.subList(start, Math.min(texts.size(), start + batchSize)));
                float[][] rows;
                try {
                    rows = scorer.score(batch);
                } catch (RuntimeException e) {
                    throw new ScorerException("the model failed to score the request; see the server's log", e);
                }
                check(rows, batch.size());
                for (int i = 0; i < rows.length; i++) {
                    scored[start + i] = rows[i].clone();
                }
            }
        } finally {
            lock.unlock();
        }
        return scored;
    }

    private void check(float[][] rows, int texts) throws ScorerException {
        if (rows == null || rows.length != texts) {
            throw new ScorerException("the model returned " + (rows == null ? "no" : rows.length)
                    + " probability rows for " + texts + " texts");
        }
        for (float[] row : rows) {
            if (row == null || row.length != classCount) {
                throw new ScorerException("the model returned a probability row of " + (row == null ? 0 : row.length)
                        + " values for " + classCount + " classes");
            }
            for (float p : row) {
                if (!Float.isFinite(p)) {
                    throw new ScorerException("the model returned a probability that is not a finite number");
                }
            }
        }
    }
}
