package org.activelabeler.team;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelSource;

/** Each person's own current label of each review (their newest label not undone or removed), from the events. */
public final class AnnotatorLabels {
    private AnnotatorLabels() {
    }

    /** @param events a dataset's events, oldest first */
    public static Map<Long, Map<String, Integer>> of(List<LabelEvent> events) {
        Map<Long, Map<String, Integer>> labels = new HashMap<>();
        for (LabelEvent event : events) {
            if (event.undoneAt() != null || event.source() != LabelSource.HUMAN) {
                continue;
            }
            if (event.action() == LabelAction.LABEL) {
                labels.computeIfAbsent(event.reviewId(), id -> new HashMap<>()).put(event.annotator(), event.label());
            } else if (event.action() == LabelAction.REMOVE && labels.containsKey(event.reviewId())) {
                labels.get(event.reviewId()).remove(event.annotator());
            }
        }
        labels.values().removeIf(Map::isEmpty);
        return labels;
    }

    /** The reviews on which the people who labeled them gave different classes, less those {@code settled}. */
    public static Map<Long, Map<String, Integer>> disagreements(Map<Long, Map<String, Integer>> labels,
                                                                Set<Long> settled) {
        Map<Long, Map<String, Integer>> conflicts = new HashMap<>();
        labels.forEach((review, byAnnotator) -> {
            if (!settled.contains(review) && byAnnotator.values().stream().distinct().count() > 1) {
                conflicts.put(review, byAnnotator);
            }
        });
        return conflicts;
    }
}
