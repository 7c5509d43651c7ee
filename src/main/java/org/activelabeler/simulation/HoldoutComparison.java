package org.activelabeler.simulation;

import org.activelabeler.evaluation.ClassMetrics;
import org.activelabeler.model.Predictions;

/**
 * The transformer, the fast model and their ensemble (the mean of both models' probabilities) scored
 * on the same labeled texts.
 *
 * @param confusion the transformer's counts, {@code confusion[gold][predicted]}
 */
public record HoldoutComparison(double accuracy, double macroF1, double fastAccuracy, double ensembleAccuracy,
                                int size, int[][] confusion) {
    /** For a dataset without file labels. */
    public static final HoldoutComparison NONE = new HoldoutComparison(Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 0, null);

    /**
     * @param transformer the transformer's predictions for each of {@code rows}
     * @param fast the fast model's predictions, indexed by row
     * @param gold the gold class, indexed by row
     * @param rows the texts scored
     */
    public static HoldoutComparison of(Predictions transformer, Predictions fast, int[] gold, int[] rows) {
        Predictions fastOnRows = fast.select(rows);
        int[] goldOnRows = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            goldOnRows[i] = gold[rows[i]];
        }
        ClassMetrics metrics = ClassMetrics.of(transformer, goldOnRows);
        double fastAccuracy = ClassMetrics.of(fastOnRows, goldOnRows).accuracy();
        double ensembleAccuracy = ClassMetrics.of(Predictions.mean(fastOnRows, transformer), goldOnRows).accuracy();
        return new HoldoutComparison(metrics.accuracy(), metrics.macroF1(), fastAccuracy, ensembleAccuracy, rows.length,
                metrics.confusion());
    }
}
