package org.activelabeler.labeling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The event that gave each review its current label: its newest label not undone, unless a removal came after. */
public final class CurrentEvents {
    private CurrentEvents() {
    }

    /** @param events a dataset's events, oldest first */
    public static Map<Long, LabelEvent> of(List<LabelEvent> events) {
        Map<Long, LabelEvent> current = new HashMap<>();
        for (LabelEvent event : events) {
            if (event.undoneAt() == null && event.action() == LabelAction.LABEL) {
                current.put(event.reviewId(), event);
            } else if (event.undoneAt() == null && event.action() == LabelAction.REMOVE) {
                current.remove(event.reviewId());
            }
        }
        return current;
    }
}
