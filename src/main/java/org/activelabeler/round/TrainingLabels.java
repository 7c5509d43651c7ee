package org.activelabeler.round;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.labeling.CurrentEvents;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.team.TeamReport;

/**
 * The labels a round trains on, from one read of the dataset's events: every review's current label, except where the people who labeled it disagree
 * and no reviewer has settled it yet; those wait for the settlement rather than train on whichever label came
 * last. With one annotator, or the simulated oracle, that is every current label.
 */
record TrainingLabels(Map<Long, Integer> labels, TeamReport team) {

    static TrainingLabels read(LabelStore store, Corpus corpus) {
        List<LabelEvent> events = store.events(corpus.dataset().id());
        TeamReport team = TeamReport.of(events, corpus.dataset().labels().size());
        Map<Long, Integer> labels = new HashMap<>();
        CurrentEvents.of(events).forEach((review, event) -> labels.put(review, event.label()));
        labels.keySet().removeAll(team.conflicts().keySet());
        return new TrainingLabels(labels, team);
    }
}
