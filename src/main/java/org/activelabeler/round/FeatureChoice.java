package org.activelabeler.round;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.Predictions;
import org.activelabeler.progress.Progress;

/**
 * Which feature space the fast model fits on, chosen inside the labels: the mean accuracy of a
 * stratified {@value #FOLDS}-fold cross-validation on the labeled rows, for each candidate, decided
 * on the first round with at least {@value #MIN_LABELS} labels and again every {@value #EVERY_ROUNDS}
 * rounds, so that most rounds cost one fit. A tie keeps the earlier candidate. Never looks at a holdout.
 * The same for {@code simulate} and the window; with one candidate it does nothing. The fold fits are
 * spread over as many threads as the machine holds fits ({@link FoldFits}).
 */
public final class FeatureChoice {
    public static final int FOLDS = 3;
    public static final int EVERY_ROUNDS = 5;
    public static final int MIN_LABELS = 30;
    private final List<String> names;
    private final long seed;
    private final int workers;
    private int chosen;
    private int roundsSinceChoice = EVERY_ROUNDS;
    private double[] lastScores;
    private long millis;

    /** @param names the candidates' names, the default first */
    public FeatureChoice(List<String> names, long seed) {
        this(names, seed, 0);
    }

    /**
     * @param workers how many fold fits run at once, each on its own thread and model; 0 for as many as
     *        the model says the machine holds ({@link Classifier#concurrentFits()}). The choice is the same
     *        for any number.
     */
    public FeatureChoice(List<String> names, long seed, int workers) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Need at least one feature space");
        }
        if (workers < 0) {
            throw new IllegalArgumentException("Need a non-negative number of workers, got " + workers);
        }
        this.names = List.copyOf(names);
        this.seed = seed;
        this.workers = workers;
    }

    /**
     * The candidate for this round: chosen again when due, else the last choice.
     *
     * @param candidates the pool's rows in each feature space, in the order of the names
     * @param labeledRows pool rows with labels, {@code labels[i]} the class of {@code labeledRows[i]}
     */
    public int choose(Classifier classifier, List<FeatureMatrix> candidates, int[] labeledRows, int[] labels,
                      int classes) {
        if (candidates.size() != names.size()) {
            throw new IllegalArgumentException("Need " + names.size() + " feature spaces, got " + candidates.size());
        }
        if (candidates.size() == 1 || labeledRows.length < MIN_LABELS || ++roundsSinceChoice < EVERY_ROUNDS) {
            return chosen;
        }
        roundsSinceChoice = 0;
        long start = System.nanoTime();
        int[] fold = folds(labels, classes, new SplittableRandom(seed ^ labeledRows.length));
        int[] correct = new FoldFits(candidates, labeledRows, labels, classes, fold).run(classifier, workers);
        double[] scores = new double[candidates.size()];
        for (int c = 0; c < candidates.size(); c++) {
            int right = 0;
            for (int f = 0; f < FOLDS; f++) {
                right += correct[c * FOLDS + f];
            }
            scores[c] = (double) right / labels.length;
        }
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        chosen = best;
        lastScores = scores;
        millis += (System.nanoTime() - start) / 1_000_000;
        return chosen;
    }

    /** The time spent choosing, over every choice so far. */
    public long millis() {
        return millis;
    }

    public int chosen() {
        return chosen;
    }

    public String chosenName() {
        return names.get(chosen);
    }

    /** The last choice's cross-validated accuracies, for people; empty before the first. */
    public String describeLastChoice() {
        if (lastScores == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            parts.add(String.format(Locale.ROOT, "%s %.3f", names.get(c), lastScores[c]));
        }
        return String.join(", ", parts);
    }

    /** Each label's fold: the rows of each class dealt round-robin over the folds after a shuffle. */
    static int[] folds(int[] labels, int classes, SplittableRandom random) {
        int[] order = new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[labels.length];
        int[] dealt = new int[classes];
        for (int i : order) {
            fold[i] = dealt[labels[i]]++ % FOLDS;
        }
        return fold;
    }
}
