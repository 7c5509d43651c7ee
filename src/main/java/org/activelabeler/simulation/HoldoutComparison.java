package org.activelabeler.simulation;

import org.activelabeler.evaluation.BinaryMetrics;
import org.activelabeler.twospeed.TransformerRound;

/**
 * The transformer, the fast model and their ensemble (the mean of both p(positive)) scored on the
 * same labeled reviews.
 *
 * @param confusion the transformer's counts, {@code confusion[gold][predicted]}
 */
public record HoldoutComparison(double accuracy, double macroF1, double fastAccuracy, double ensembleAccuracy,
                                int size, int[][] confusion) {
    /** For a dataset without file labels. */
    public static final HoldoutComparison NONE = new HoldoutComparison(Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 0, null);

    /**
     * @param transformer the transformer's p(positive) for each of {@code rows}
     * @param fast the fast model's p(positive), indexed by row
     * @param gold the gold class, indexed by row
     * @param rows the reviews scored
     */
    public static HoldoutComparison of(float[] transformer, float[] fast, int[] gold, int[] rows) {
        float[] fastOnRows = new float[rows.length];
        int[] goldOnRows = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            fastOnRows[i] = fast[rows[i]];
            goldOnRows[i] = gold[rows[i]];
        }
        BinaryMetrics metrics = BinaryMetrics.of(transformer, goldOnRows);
        double fastAccuracy = BinaryMetrics.of(fastOnRows, goldOnRows).accuracy();
        double ensembleAccuracy = BinaryMetrics.of(TransformerRound.mean(fastOnRows, transformer), goldOnRows).accuracy();
        return new HoldoutComparison(metrics.accuracy(), metrics.macroF1(), fastAccuracy, ensembleAccuracy, rows.length,
                BinaryMetrics.confusion(transformer, goldOnRows));
    }
}
