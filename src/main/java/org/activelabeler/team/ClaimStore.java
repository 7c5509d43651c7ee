package org.activelabeler.team;

import java.util.Collection;
import java.util.List;

/**
 * Who is working on which review of a shared dataset. Claims by several processes at once never serve a
 * review to more annotators than {@link TeamSettings#labelersOf} allows, counting those who hold an unexpired
 * claim and those who labeled it.
 */
public interface ClaimStore {

    TeamSettings settings(long datasetId);

    void saveSettings(long datasetId, TeamSettings settings);

    /**
     * Claims for {@code annotator}, in the order of {@code candidates}, up to {@code count} reviews that still
     * have room for another labeler and that this annotator has not labeled; the annotator's own unexpired
     * claims among the candidates are renewed and count. One transaction, durable when it returns.
     */
    List<Long> claim(long datasetId, String annotator, List<Long> candidates, int count);

    /** The reviews others hold unexpired claims on, each with how many hold it; a snapshot, for ordering only. */
    java.util.Map<Long, Integer> claimedByOthers(long datasetId, String annotator);

    /** Gives reviews back before their lease ends (the annotator closed the dataset, say). */
    void release(long datasetId, String annotator, Collection<Long> reviewIds);
}
