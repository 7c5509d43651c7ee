package org.activelabeler.stopping;

import java.util.Locale;

/**
 * What a round says about stopping: stabilizing predictions and the audit estimate.
 *
 * @param predictions kappa against the model before, and whether it has been stable
 * @param audit the accuracy on randomly drawn audit labels, with its interval
 */
public record StoppingSignal(StabilizingPredictions.Reading predictions, AuditEstimate.Reading audit) {
    public static final StoppingSignal NONE = new StoppingSignal(StabilizingPredictions.Reading.NONE,
            AuditEstimate.Reading.NONE);

    /** A sentence for people: whether labeling more is likely to gain much. */
    public String advice() {
        StringBuilder text = new StringBuilder();
        if (predictions.stable()) {
            text.append(String.format(Locale.ROOT, "Predictions are stable (kappa %.3f, at least %.2f for %d rounds):"
                    + " more labels change the model little", predictions.kappa(), StabilizingPredictions.THRESHOLD,
                    StabilizingPredictions.WINDOW));
        } else if (!Double.isNaN(predictions.kappa())) {
            text.append(String.format(Locale.ROOT, "Predictions still change (kappa %.3f against the round before)",
                    predictions.kappa()));
        }
        if (audit.labels() > 0) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(String.format(Locale.ROOT, "audit accuracy %.1f%% (95%% CI %.1f to %.1f%%, %d random labels)",
                    100 * audit.accuracy(), 100 * audit.low(), 100 * audit.high(), audit.labels()));
        }
        return text.toString();
    }
}
