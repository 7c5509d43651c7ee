package org.activelabeler.ui.rounds;

/**
 * A finished retrain as the side panel lists it.
 *
 * @param accuracy the curve's accuracy for this round, NaN when there is none
 * @param mlflowLink the run in MLflow, or null where the round is not tracked
 */
public record RoundRow(int number, int labels, String strategy, double accuracy, long millis, String mlflowLink) {
}
