package org.activelabeler.labeling;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where annotators' labels, the queue and the round history live. Every write is durable before
 * the call returns (it survives the process being killed), so that no label is lost whatever
 * happens next.
 */
public interface LabelStore {

    /** @param label the class index for a LABEL event, {@link LabelEvent#NO_LABEL} for a SKIP */
    LabelEvent record(long reviewId, LabelAction action, int label, String annotator, LabelSource source);

    /** Marks the newest not-undone event of this annotator in this dataset undone and returns it. */
    Optional<LabelEvent> undoLast(long datasetId, String annotator);

    /** The current label (class index) of every labeled review of a dataset, whoever gave it. */
    Map<Long, Integer> currentLabels(long datasetId);

    /** The current label of every review that {@code source} labeled, from its own labels alone. */
    Map<Long, Integer> currentLabels(long datasetId, LabelSource source);

    /** The event that gave each labeled review of a dataset its current label. */
    Map<Long, LabelEvent> currentEvents(long datasetId);

    /** Every event of a dataset, undone ones too, oldest first. */
    List<LabelEvent> events(long datasetId);

    /** The events of a dataset with a sequence number above {@code afterSeq}, oldest first (0 for all). */
    List<LabelEvent> eventsAfter(long datasetId, long afterSeq);

    /** Records many labels in one transaction (a simulation's oracle answers), in the order given. */
    void recordLabels(List<NewLabel> labels);

    /** Reviews whose newest event is a skip that is not undone. */
    Set<Long> skipped(long datasetId);

    /** Replaces the queue of a dataset that no round ranked (an order of the caller's). */
    void replaceQueue(long datasetId, List<QueueEntry> queue);

    List<QueueEntry> queue(long datasetId);

    /** Stores a round and the queue it ranked, in one transaction: never one without the other. */
    RoundRecord saveRound(long datasetId, NewRound round, List<QueueEntry> queue);

    /** The rounds of a dataset, oldest first. */
    List<RoundRecord> rounds(long datasetId);

    /**
     * Records reviews drawn uniformly at random into the queue (the two-speed loop's audit share), so
     * that the labels they get are known as random draws; a review recorded before stays as it was.
     */
    void recordAuditDraws(long datasetId, Collection<Long> reviewIds);

    /** The reviews ever drawn at random into the queue of a dataset, labeled or not, in the order drawn. */
    Set<Long> auditDraws(long datasetId);

    /**
     * Takes the dataset's retrain turn, or empty when another client holds it: one retrain at a time per
     * dataset, whichever process runs it.
     */
    Optional<RoundTurn> tryStartRound(long datasetId);
}
