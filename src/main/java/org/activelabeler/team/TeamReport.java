package org.activelabeler.team;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.labeling.LabelEvent;

/**
 * Where a team stands on a dataset, from its label events: how many reviews each person labeled, the
 * agreement on the reviews labeled more than once, and the reviews they disagree on that nobody settled.
 * The window and {@code team} show the same report.
 */
public record TeamReport(Map<String, Integer> labelsByAnnotator, Agreement.Report agreement,
                         Map<Long, Map<String, Integer>> conflicts) {

    /** @param events a dataset's events, oldest first */
    public static TeamReport of(List<LabelEvent> events, int classes) {
        Map<Long, Map<String, Integer>> labels = AnnotatorLabels.of(events);
        Map<String, Integer> counts = new TreeMap<>();
        labels.values().forEach(byAnnotator -> byAnnotator.keySet().forEach(a -> counts.merge(a, 1, Integer::sum)));
        return new TeamReport(counts, Agreement.of(labels, classes),
                AnnotatorLabels.disagreements(labels, Settlements.of(events)));
    }

    /** One line on the agreement, for a status bar or a terminal. */
    public String agreementLine() {
        if (agreement.reviews() == 0) {
            return "No review labeled by two people yet";
        }
        return String.format(java.util.Locale.ROOT, "Krippendorff's alpha %.3f on %d reviews labeled twice; %d to settle",
                agreement.alpha(), agreement.reviews(), conflicts.size());
    }

    /** One line for each pair of annotators: {@code Cohen's kappa ann / ben: 0.812 on 40 reviews}. */
    public List<String> kappaLines() {
        return agreement.pairs().stream().map(pair -> String.format(java.util.Locale.ROOT,
                "Cohen's kappa %s / %s: %.3f on %d reviews", pair.first(), pair.second(), pair.kappa(), pair.reviews()))
                .toList();
    }

    /** Each person's class of one review, by name: {@code ann: positive<separator>ben: negative}. */
    public static String describe(Map<String, Integer> byAnnotator, LabelSet classes, String separator) {
        return new TreeMap<>(byAnnotator).entrySet().stream()
                .map(e -> e.getKey() + ": " + classes.name(e.getValue()))
                .collect(java.util.stream.Collectors.joining(separator));
    }
}
