package org.activelabeler.team;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.labeling.LabelingSession;

/**
 * The next reviews for one annotator of a team: the dataset's queue in its order (as {@link LabelingSession#order}
 * gives it), less what others hold or have labeled, claimed so that nobody else is served them meanwhile.
 */
public final class TeamQueue {
    private static final int MAX_WINDOW = 16_384;
    private final Corpus corpus;
    private final LabelStore labels;
    private final ClaimStore claims;
    private final String annotator;

    public TeamQueue(Corpus corpus, LabelStore labels, ClaimStore claims, String annotator) {
        this.corpus = corpus;
        this.labels = labels;
        this.claims = claims;
        this.annotator = annotator;
    }

    /** Claims and returns up to {@code count} reviews for this annotator, best first; fewer when the pool runs out. */
    public List<Long> next(int count) {
        long datasetId = corpus.dataset().id();
        TeamSettings settings = claims.settings(datasetId);
        Set<Long> full = labels.currentLabels(datasetId).keySet().stream()
                .filter(id -> !settings.overlaps(id)).collect(Collectors.toSet());
        Set<Long> skipped = labels.skipped(datasetId);
        var queue = labels.queue(datasetId);
        for (int window = Math.max(16, count * 4); ; window = Math.min(MAX_WINDOW, window * 4)) {
            List<Long> candidates = LabelingSession.order(queue, corpus.reviewIds(), full, skipped, window);
            List<Long> claimed = claims.claim(datasetId, annotator, candidates, count);
            if (claimed.size() >= count || candidates.size() < window || window == MAX_WINDOW) {
                return claimed;
            }
        }
    }

    public void release(List<Long> reviewIds) {
        claims.release(corpus.dataset().id(), annotator, reviewIds);
    }
}
