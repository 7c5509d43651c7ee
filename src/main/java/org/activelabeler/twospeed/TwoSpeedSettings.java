package org.activelabeler.twospeed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the transformer runs beside the fast model.
 *
 * @param everyBatches the transformer retrains after this many labeled batches
 * @param minLabels no transformer round before this many labels
 * @param uncertainCandidates the fast model's most uncertain unlabeled reviews the transformer scores
 * @param randomCandidates further unlabeled reviews drawn at random, so the transformer also sees
 *        what the fast model is sure about; 0 with {@code wholePool}
 * @param wholePool score every unlabeled review (sensible on a GPU)
 * @param validationShare share of the labels kept out of both models' training at a transformer round,
 *        on which their accuracies are compared
 * @param strategy {@code entropy} or {@code bald} for ranking the transformer's candidates
 * @param auditShare share of each batch drawn at random from the whole pool. Labels chosen by
 *        uncertainty are the hardest reviews, so an accuracy measured on them says little about the
 *        population: a model far worse on the holdout can look better there. The randomly drawn ones
 *        (with the initial random labels) are what the models are judged on, once there are
 *        {@link ValidationSplit#MIN_RANDOM_LABELS} of them.
 */
public record TwoSpeedSettings(int everyBatches, int minLabels, int uncertainCandidates, int randomCandidates,
                               boolean wholePool, double validationShare, String strategy, double auditShare,
                               long seed) {
    public static final String ENTROPY = "entropy";

    public TwoSpeedSettings {
        if (everyBatches < 1) {
            throw new IllegalArgumentException("--transformer-every must be at least 1 batch, was " + everyBatches);
        }
        if (validationShare <= 0 || validationShare >= 0.5) {
            throw new IllegalArgumentException("The validation share must be in (0, 0.5), was " + validationShare);
        }
        if (auditShare < 0 || auditShare >= 1) {
            throw new IllegalArgumentException("--audit-share must be in [0, 1), was " + auditShare);
        }
        if (!strategy.equals(ENTROPY) && !strategy.equals(org.activelabeler.strategy.BaldSampling.NAME)) {
            throw new IllegalArgumentException("--transformer-strategy must be entropy or bald, was " + strategy);
        }
    }

    public static TwoSpeedSettings forCpu(long seed) {
        return new TwoSpeedSettings(5, 200, 800, 200, false, 0.2, ENTROPY, 0.1, seed);
    }

    public static TwoSpeedSettings forGpu(long seed) {
        return new TwoSpeedSettings(2, 100, 0, 0, true, 0.2, ENTROPY, 0.1, seed);
    }

    public TwoSpeedSettings withEveryBatches(int value) {
        return new TwoSpeedSettings(value, minLabels, uncertainCandidates, randomCandidates, wholePool, validationShare,
                strategy, auditShare, seed);
    }

    public TwoSpeedSettings withCandidates(int uncertain, int random) {
        return new TwoSpeedSettings(everyBatches, minLabels, uncertain, random, wholePool, validationShare, strategy,
                auditShare, seed);
    }

    public TwoSpeedSettings withStrategy(String value) {
        return new TwoSpeedSettings(everyBatches, minLabels, uncertainCandidates, randomCandidates, wholePool,
                validationShare, value, auditShare, seed);
    }

    public TwoSpeedSettings withMinLabels(int value) {
        return new TwoSpeedSettings(everyBatches, value, uncertainCandidates, randomCandidates, wholePool,
                validationShare, strategy, auditShare, seed);
    }

    public TwoSpeedSettings withAuditShare(double value) {
        return new TwoSpeedSettings(everyBatches, minLabels, uncertainCandidates, randomCandidates, wholePool,
                validationShare, strategy, value, seed);
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("transformer_every_batches", Integer.toString(everyBatches));
        map.put("transformer_min_labels", Integer.toString(minLabels));
        map.put("transformer_candidates", wholePool ? "pool" : uncertainCandidates + "+" + randomCandidates);
        map.put("transformer_validation_share", Double.toString(validationShare));
        map.put("transformer_strategy", strategy);
        map.put("audit_share", Double.toString(auditShare));
        return map;
    }
}
