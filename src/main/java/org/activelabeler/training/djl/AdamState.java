package org.activelabeler.training.djl;

import java.util.Arrays;

/**
 * What a fit ended with, on the heap, to go on from: the weights, Adam's moment estimates and step
 * counts of the columns it trained ({@code columns}, full ids; arrays output by output, {@code
 * [o * columns.length + i]}), and the bias with its own.
 *
 * @param columnCount how many columns the feature space has: a fit on another space starts afresh
 * @param labels how many labels the fit learned from
 */
record AdamState(int columnCount, int labels, int outputs, int[] columns, float[] weights, float[] mean, float[] variance,
                 int[] steps, float[] bias, float[] biasMean, float[] biasVariance, int biasSteps) {

    /** The same state for another fit's compact columns; a column this state lacks starts at zero. */
    record Compact(float[] weights, float[] mean, float[] variance, int[] steps) {
    }

    Compact onto(int[] fullColumns) {
        int[] where = new int[columnCount];
        Arrays.fill(where, -1);
        for (int i = 0; i < columns.length; i++) {
            where[columns[i]] = i;
        }
        int n = fullColumns.length;
        int known = columns.length;
        float[] w = new float[outputs * n];
        float[] m = new float[outputs * n];
        float[] v = new float[outputs * n];
        int[] t = new int[outputs * n];
        for (int c = 0; c < n; c++) {
            int i = where[fullColumns[c]];
            if (i < 0) {
                continue;
            }
            for (int o = 0; o < outputs; o++) {
                w[o * n + c] = weights[o * known + i];
                m[o * n + c] = mean[o * known + i];
                v[o * n + c] = variance[o * known + i];
                t[o * n + c] = steps[o * known + i];
            }
        }
        return new Compact(w, m, v, t);
    }
}
