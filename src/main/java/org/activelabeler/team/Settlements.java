package org.activelabeler.team;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelSource;

/** The reviews whose disagreement a reviewer settled: a reviewer's label given after every person's label. */
public final class Settlements {
    private Settlements() {
    }

    /** @param events a dataset's events, oldest first */
    public static Set<Long> of(Iterable<LabelEvent> events) {
        Map<Long, Boolean> settled = new HashMap<>();
        for (LabelEvent event : events) {
            if (event.undoneAt() != null || event.action() != LabelAction.LABEL) {
                continue;
            }
            if (event.source() == LabelSource.REVIEW) {
                settled.put(event.reviewId(), true);
            } else if (event.source() == LabelSource.HUMAN) {
                settled.put(event.reviewId(), false);
            }
        }
        return settled.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
