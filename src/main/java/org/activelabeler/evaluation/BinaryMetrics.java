package org.activelabeler.evaluation;

/**
 * Accuracy and macro-F1 of p(positive) predictions thresholded at 0.5 against gold class indices.
 *
 * @param accuracy share of correct predictions
 * @param macroF1 the mean of the F1 scores of both classes (a class never predicted nor present counts 0)
 */
public record BinaryMetrics(double accuracy, double macroF1) {

    public static BinaryMetrics of(float[] positiveProbability, int[] gold) {
        if (positiveProbability.length != gold.length || gold.length == 0) {
            throw new IllegalArgumentException("Need one prediction per gold label and at least one label");
        }
        int[][] confusion = confusion(positiveProbability, gold);
        int correct = confusion[0][0] + confusion[1][1];
        double f1Sum = 0;
        for (int c = 0; c < 2; c++) {
            int truePositive = confusion[c][c];
            int falsePositive = confusion[1 - c][c];
            int falseNegative = confusion[c][1 - c];
            int denominator = 2 * truePositive + falsePositive + falseNegative;
            f1Sum += denominator == 0 ? 0 : 2.0 * truePositive / denominator;
        }
        return new BinaryMetrics((double) correct / gold.length, f1Sum / 2);
    }

    /** {@code confusion[gold][predicted]}. */
    public static int[][] confusion(float[] positiveProbability, int[] gold) {
        int[][] confusion = new int[2][2];
        for (int i = 0; i < gold.length; i++) {
            confusion[gold[i]][positiveProbability[i] >= 0.5f ? 1 : 0]++;
        }
        return confusion;
    }
}
