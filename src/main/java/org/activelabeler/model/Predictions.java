package org.activelabeler.model;

import java.util.Arrays;

/**
 * A model's class probabilities for a set of texts: row {@code i} holds one probability per class,
 * summing to 1. Strategies, metrics, the queue and the window read these, never "positive".
 */
public final class Predictions {
    private final float[] probabilities;
    private final int classes;

    private Predictions(float[] probabilities, int classes) {
        if (classes < 2 || probabilities.length % classes != 0) {
            throw new IllegalArgumentException("Need at least 2 classes and a whole row per text");
        }
        this.probabilities = probabilities;
        this.classes = classes;
    }

    /** Row-major: the probabilities of text {@code i} are {@code [i * classes, (i + 1) * classes)}. */
    public static Predictions of(float[] probabilities, int classes) {
        return new Predictions(probabilities, classes);
    }

    /** Two classes from p(class 1) alone. */
    public static Predictions binary(float[] second) {
        float[] both = new float[second.length * 2];
        for (int i = 0; i < second.length; i++) {
            both[2 * i] = 1 - second[i];
            both[2 * i + 1] = second[i];
        }
        return new Predictions(both, 2);
    }

    public int size() {
        return probabilities.length / classes;
    }

    public int classes() {
        return classes;
    }

    public float get(int row, int klass) {
        return probabilities[row * classes + klass];
    }

    /** The probabilities of one text, into {@code into} (of length {@link #classes()}). */
    public double[] row(int row, double[] into) {
        for (int c = 0; c < classes; c++) {
            into[c] = probabilities[row * classes + c];
        }
        return into;
    }

    public float[] row(int row) {
        return Arrays.copyOfRange(probabilities, row * classes, (row + 1) * classes);
    }

    /**
     * The most probable class; a tie goes to the later class (for two classes: class 1 from p = 0.5
     * on, as a logistic model thresholds).
     */
    public int top(int row) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (probabilities[row * classes + c] >= probabilities[row * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    /** {@link #top} of every text. */
    public int[] topClasses() {
        int[] tops = new int[size()];
        for (int row = 0; row < tops.length; row++) {
            tops[row] = top(row);
        }
        return tops;
    }

    public float topProbability(int row) {
        return get(row, top(row));
    }

    /** p(class) of every text. */
    public float[] column(int klass) {
        float[] column = new float[size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = probabilities[i * classes + klass];
        }
        return column;
    }

    /** The rows given, in that order. */
    public Predictions select(int[] rows) {
        float[] picked = new float[rows.length * classes];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(probabilities, rows[i] * classes, picked, i * classes, classes);
        }
        return new Predictions(picked, classes);
    }

    /** The ensemble of two models: the mean of their probabilities. */
    public static Predictions mean(Predictions a, Predictions b) {
        if (a.classes != b.classes || a.size() != b.size()) {
            throw new IllegalArgumentException("Predictions of different shapes");
        }
        float[] mean = new float[a.probabilities.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (a.probabilities[i] + b.probabilities[i]) / 2;
        }
        return new Predictions(mean, a.classes);
    }

    /** The underlying row-major array, not copied: for adapters that serialise or ship it whole. */
    public float[] flat() {
        return probabilities;
    }
}
