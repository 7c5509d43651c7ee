package org.activelabeler.round;

import java.util.HashMap;
import java.util.Map;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.team.TeamReport;

/**
 * The labels a round trains on: every review's current label, except where the people who labeled it disagree
 * and no reviewer has settled it yet; those wait for the settlement rather than train on whichever label came
 * last. With one annotator, or the simulated oracle, that is every current label.
 */
record TrainingLabels(Map<Long, Integer> labels, TeamReport team) {

    static TrainingLabels read(LabelStore store, Corpus corpus) {
        long datasetId = corpus.dataset().id();
        TeamReport team = TeamReport.of(store.events(datasetId), corpus.dataset().labels().size());
        Map<Long, Integer> labels = new HashMap<>(store.currentLabels(datasetId));
        labels.keySet().removeAll(team.conflicts().keySet());
        return new TrainingLabels(labels, team);
    }
}
