package org.activelabeler.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.simulation.RoundResult;

/** The metrics of a round, with step = number of labels; NaN values are left out. */
final class RoundMetrics {
    private RoundMetrics() {
    }

    /** @param labels names the per-class metrics ({@code holdout_f1.<class>}) */
    static List<MetricPoint> of(RoundResult round, LabelSet labels, long timestamp) {
        List<MetricPoint> metrics = new ArrayList<>();
        long step = round.labels();
        add(metrics, "holdout_accuracy", round.accuracy(), step, timestamp);
        add(metrics, "holdout_macro_f1", round.macroF1(), step, timestamp);
        add(metrics, "pool_entropy_mean", round.poolEntropyMean(), step, timestamp);
        add(metrics, "pool_entropy_max", round.poolEntropyMax(), step, timestamp);
        add(metrics, "train_ms", round.trainMillis(), step, timestamp);
        add(metrics, "score_ms", round.scoreMillis(), step, timestamp);
        List<Double> losses = round.training().trainLosses();
        if (!losses.isEmpty()) {
            add(metrics, "train_loss_final", losses.get(losses.size() - 1), step, timestamp);
        }
        add(metrics, "epochs_kept", round.training().epochsKept(), step, timestamp);
        add(metrics, "validation_accuracy", round.training().validationAccuracy(), step, timestamp);
        var stopping = round.stopping();
        add(metrics, "stop_kappa", stopping.predictions().kappa(), step, timestamp);
        if (!Double.isNaN(stopping.predictions().kappa())) {
            add(metrics, "stop_stable", stopping.predictions().stable() ? 1 : 0, step, timestamp);
        }
        if (stopping.audit().labels() > 0) {
            add(metrics, "audit_accuracy", stopping.audit().accuracy(), step, timestamp);
            add(metrics, "audit_ci_low", stopping.audit().low(), step, timestamp);
            add(metrics, "audit_ci_high", stopping.audit().high(), step, timestamp);
            add(metrics, "audit_labels", stopping.audit().labels(), step, timestamp);
        }
        if (round.team() != null && round.team().agreement().reviews() > 0) {
            var agreement = round.team().agreement();
            add(metrics, "agreement_alpha", agreement.alpha(), step, timestamp);
            add(metrics, "agreement_reviews", agreement.reviews(), step, timestamp);
            add(metrics, "agreement_unsettled", round.team().conflicts().size(), step, timestamp);
            for (var pair : agreement.pairs()) {
                add(metrics, "agreement_kappa." + metricName(pair.first() + "_" + pair.second()), pair.kappa(), step,
                        timestamp);
            }
        }
        if (round.metrics() != null) {
            for (int c = 0; c < round.metrics().classes(); c++) {
                String name = metricName(labels.name(c));
                add(metrics, "holdout_precision." + name, round.metrics().precision()[c], step, timestamp);
                add(metrics, "holdout_recall." + name, round.metrics().recall()[c], step, timestamp);
                add(metrics, "holdout_f1." + name, round.metrics().f1()[c], step, timestamp);
            }
        }
        return metrics;
    }

    /** A class name as MLflow allows in a metric key: letters, digits and {@code _-. /}; anything else becomes _. */
    static String metricName(String className) {
        return className.replaceAll("[^\\w.\\- /]", "_");
    }

    /** {@code train_loss} of each epoch, step = epoch (1 for the first). */
    static List<MetricPoint> epochLosses(RoundResult round, long timestamp) {
        List<MetricPoint> metrics = new ArrayList<>();
        List<Double> losses = round.training().trainLosses();
        for (int epoch = 0; epoch < losses.size(); epoch++) {
            add(metrics, "train_loss", losses.get(epoch), epoch + 1, timestamp);
        }
        return metrics;
    }

    static Map<String, String> versionTags(RoundResult round) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("labels", Integer.toString(round.labels()));
        tags.put("holdout_accuracy", String.format(Locale.ROOT, "%.6f", round.accuracy()));
        tags.put("holdout_macro_f1", String.format(Locale.ROOT, "%.6f", round.macroF1()));
        return tags;
    }

    private static void add(List<MetricPoint> metrics, String key, double value, long step, long timestamp) {
        if (Double.isFinite(value)) {
            metrics.add(new MetricPoint(key, value, step, timestamp));
        }
    }
}
