package org.activelabeler.evaluation;

import org.activelabeler.model.Predictions;

/**
 * How well predictions match gold class indices: accuracy, macro-F1, per-class precision, recall and
 * F1, and the confusion matrix {@code confusion[gold][predicted]}. The predicted class is the most
 * probable one ({@link Predictions#top}). A class never predicted nor present has F1 0, precision and
 * recall 0.
 */
public record ClassMetrics(double accuracy, double macroF1, double[] precision, double[] recall, double[] f1,
                           int[] support, int[][] confusion) {

    public static ClassMetrics of(Predictions predictions, int[] gold) {
        if (predictions.size() != gold.length || gold.length == 0) {
            throw new IllegalArgumentException("Need one prediction per gold label and at least one label");
        }
        int k = predictions.classes();
        int[][] confusion = new int[k][k];
        for (int i = 0; i < gold.length; i++) {
            confusion[gold[i]][predictions.top(i)]++;
        }
        return of(confusion);
    }

    public static ClassMetrics of(int[][] confusion) {
        int k = confusion.length;
        double[] precision = new double[k];
        double[] recall = new double[k];
        double[] f1 = new double[k];
        int[] support = new int[k];
        int correct = 0;
        int total = 0;
        double f1Sum = 0;
        for (int c = 0; c < k; c++) {
            int truePositive = confusion[c][c];
            int predicted = 0;
            for (int g = 0; g < k; g++) {
                predicted += confusion[g][c];
                support[c] += confusion[c][g];
            }
            correct += truePositive;
            total += support[c];
            precision[c] = predicted == 0 ? 0 : (double) truePositive / predicted;
            recall[c] = support[c] == 0 ? 0 : (double) truePositive / support[c];
            int denominator = support[c] + predicted;
            f1[c] = denominator == 0 ? 0 : 2.0 * truePositive / denominator;
            f1Sum += f1[c];
        }
        return new ClassMetrics(total == 0 ? Double.NaN : (double) correct / total, f1Sum / k, precision, recall, f1,
                support, confusion);
    }

    public int classes() {
        return confusion.length;
    }
}
