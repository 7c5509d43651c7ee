package org.activelabeler.ui.labeling;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.labeling.RoundRecord;

/**
 * Everything the labeling screen needs from the store, read once in the background when a dataset opens.
 *
 * @param auditDraws the reviews drawn at random into the two-speed queue so far, in the order drawn
 */
public record OpenedDataset(Corpus corpus, Map<Long, Integer> labels, Set<Long> skipped, List<QueueEntry> queue,
                            List<RoundRecord> rounds, Set<Long> auditDraws) {
}
