package org.activelabeler.simulation;

/**
 * One simulated-oracle experiment.
 *
 * @param strategy name of the query strategy
 * @param initialLabels random labels before the first round
 * @param batchSize labels revealed per round
 * @param maxLabels stop once this many labels are revealed
 * @param seed seeds the initial draw, the random strategy and the model
 * @param auditShare the share of each batch drawn at random for the audit estimate (0 to 1)
 */
public record SimulationSettings(String strategy, int initialLabels, int batchSize, int maxLabels, long seed,
                                 double auditShare) {
    public SimulationSettings(String strategy, int initialLabels, int batchSize, int maxLabels, long seed) {
        this(strategy, initialLabels, batchSize, maxLabels, seed, 0);
    }

    public SimulationSettings {
        if (auditShare < 0 || auditShare > 1) {
            throw new IllegalArgumentException("--audit-share must be between 0 and 1, was " + auditShare);
        }
        if (initialLabels < 2) {
            throw new IllegalArgumentException("--init must be at least 2, was " + initialLabels);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, was " + batchSize);
        }
        if (maxLabels < initialLabels) {
            throw new IllegalArgumentException("--max-labels (" + maxLabels + ") must be at least --init (" + initialLabels + ")");
        }
    }

    /** @throws IllegalArgumentException when the budget is more than the pool can answer */
    public void requireFits(int poolSize) {
        if (maxLabels > poolSize) {
            throw new IllegalArgumentException("--max-labels " + maxLabels + " is more than the " + poolSize
                    + " reviews in the pool");
        }
    }
}
