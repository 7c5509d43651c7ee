package org.activelabeler.ui.labeling;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.labeling.RoundRecord;

/**
 * Everything the labeling screen needs from the store, read once in the background when a dataset opens,
 * with what is worked out from it there too (at a million texts each is a pass over every review).
 *
 * @param auditDraws the reviews drawn at random into the two-speed queue so far, in the order drawn
 * @param askingOrder reviews no retrain ranked come in this order: fixed per dataset, so that a restart shows
 *     the same, and shuffled, so that a file sorted by class shows every class before the first retrain
 * @param rowOf each review id's row in the corpus
 */
public record OpenedDataset(Corpus corpus, Map<Long, Integer> labels, Set<Long> skipped, List<QueueEntry> queue,
                            List<RoundRecord> rounds, Set<Long> auditDraws, long[] askingOrder,
                            Map<Long, Integer> rowOf) {
    private static final long ASKING_ORDER_SEED = 13;

    public OpenedDataset(Corpus corpus, Map<Long, Integer> labels, Set<Long> skipped, List<QueueEntry> queue,
                         List<RoundRecord> rounds, Set<Long> auditDraws) {
        this(corpus, labels, skipped, queue, rounds, auditDraws,
                LabelingViewModel.shuffled(corpus.reviewIds(), ASKING_ORDER_SEED), corpus.rowsByReviewId());
    }
}
