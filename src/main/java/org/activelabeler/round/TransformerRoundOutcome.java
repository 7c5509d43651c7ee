package org.activelabeler.round;

import org.activelabeler.simulation.TransformerRoundResult;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.twospeed.Handover;

/**
 * What one background transformer round produced.
 *
 * @param result what it measured, as tracked
 * @param rankedRows corpus rows of its candidates, most useful first, by the transformer or by its ensemble
 *     with the fast model (whichever won); empty when the fast model keeps the queue
 * @param rankingScores the strategy's score of each ranked row
 * @param strategy {@code entropy} or {@code bald}
 * @param run the round's tracking run, or null when it is not tracked
 */
public record TransformerRoundOutcome(TransformerRoundResult result, int[] rankedRows, double[] rankingScores,
                                      String strategy, RunRef run) {

    public Handover handover() {
        return result.handover();
    }
}
