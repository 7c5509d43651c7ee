package org.activelabeler.twospeed;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.progress.Progress;
import org.activelabeler.strategy.BaldSampling;

/**
 * One background round of the slow model: keep a share of the labels aside, train the transformer on
 * the rest, judge it, the fast model (cross-validated over that share) and their ensemble on the
 * share kept aside, and, if
 * the transformer or the ensemble wins, rank a candidate set of unlabeled reviews by its uncertainty
 * (the transformer's entropy or BALD; the ensemble's entropy).
 */
public final class TransformerRound {
    static final int FAST_FOLDS = 5;

    private final TextClassifier transformer;
    private final TwoSpeedSettings settings;
    private final int dropoutPasses;

    public TransformerRound(TextClassifier transformer, TwoSpeedSettings settings, int dropoutPasses) {
        this.transformer = transformer;
        this.settings = settings;
        this.dropoutPasses = dropoutPasses;
    }

    /** Trains the fast model on some rows and gives its p(positive) for others. */
    @FunctionalInterface
    public interface FastValidation {
        float[] trainAndPredict(int[] trainRows, int[] trainLabels, int[] predictRows);

        /** Refits {@code fast} on the chosen rows of {@code rows} each time. */
        static FastValidation refitting(Classifier fast, FeatureMatrix rows, Progress progress) {
            return (trainRows, trainLabels, predictRows) -> {
                fast.fit(rows.select(trainRows), trainLabels, progress);
                return fast.predictPositive(rows.select(predictRows));
            };
        }
    }

    /**
     * Everything the round needs, in pool rows.
     *
     * @param drawnAtRandom per labeled row, whether it was drawn at random rather than chosen by a
     *        model (see {@link TwoSpeedSettings#auditShare()}); null when unknown
     */
    public record Input(int[] labeledRows, long[] labeledKeys, int[] labels, int[] unlabeledRows,
                        float[] fastPositive, IntFunction<String> text, boolean[] drawnAtRandom) {
        public Input(int[] labeledRows, long[] labeledKeys, int[] labels, int[] unlabeledRows, float[] fastPositive,
                     IntFunction<String> text) {
            this(labeledRows, labeledKeys, labels, unlabeledRows, fastPositive, text, null);
        }
    }

    /**
     * @param ranking candidate rows, most useful first; empty when the fast model keeps the queue
     * @param rankingScores the strategy's score of each ranked row
     * @param rankingStrategy what ranked it: the transformer's strategy, or entropy for the ensemble
     */
    public record Outcome(Handover handover, int[] ranking, double[] rankingScores, String rankingStrategy,
                          TrainingReport training, long trainMillis, long scoreMillis, int trainLabels) {
    }

    public Outcome run(Input input, FastValidation fast, SplittableRandom random, Progress progress) {
        long start = System.nanoTime();
        ValidationSplit split = ValidationSplit.preferRandomDraws(input.drawnAtRandom(), input.labeledKeys(),
                settings.validationShare(), settings.seed());
        int[] trainRows = pick(input.labeledRows(), split.train());
        int[] trainLabels = pick(input.labels(), split.train());
        int[] validationRows = pick(input.labeledRows(), split.validation());
        int[] validationLabels = pick(input.labels(), split.validation());

        float[] fastValidation = crossValidatedFast(fast, trainRows, trainLabels, validationRows, validationLabels);
        TrainingReport training = transformer.fit(texts(trainRows, input.text()), trainLabels, progress);
        float[] transformerValidation = transformer.predictPositive(texts(validationRows, input.text()), progress);
        Handover handover = Handover.judge(accuracy(fastValidation, validationLabels),
                accuracy(transformerValidation, validationLabels),
                accuracy(mean(fastValidation, transformerValidation), validationLabels), validationRows.length);
        long trained = System.nanoTime();
        if (handover.owner() == QueueOwner.FAST || input.unlabeledRows().length == 0) {
            return new Outcome(handover, new int[0], new double[0], settings.strategy(), training,
                    (trained - start) / 1_000_000, 0, trainRows.length);
        }
        int[] candidates = CandidateSet.pick(input.fastPositive(), input.unlabeledRows(), settings, random);
        boolean ensemble = handover.owner() == QueueOwner.ENSEMBLE;
        double[] scores = ensemble
                ? ensembleEntropy(candidates, input.fastPositive(), texts(candidates, input.text()), progress)
                : score(texts(candidates, input.text()), progress);
        Integer[] order = IntStream.range(0, candidates.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> candidates[i]));
        int[] ranking = Arrays.stream(order).mapToInt(i -> candidates[i]).toArray();
        double[] rankingScores = Arrays.stream(order).mapToDouble(i -> scores[i]).toArray();
        return new Outcome(handover, ranking, rankingScores, ensemble ? TwoSpeedSettings.ENTROPY : settings.strategy(),
                training, (trained - start) / 1_000_000,
                (System.nanoTime() - trained) / 1_000_000, trainRows.length);
    }

    /**
     * The fast model's p(positive) on the held-out labels, each from a fit on everything but its fold:
     * the served fast model is trained on those labels too, and trained without all of them it looked
     * 10 points worse than it was (75.6% on them against 86.0% on the holdout, at 270 labels). The
     * transformer gets one fit without them, which leans the judgement towards the fast model.
     */
    private static float[] crossValidatedFast(FastValidation fast, int[] trainRows, int[] trainLabels,
                                              int[] validationRows, int[] validationLabels) {
        float[] positive = new float[validationRows.length];
        int folds = Math.min(FAST_FOLDS, validationRows.length);
        for (int fold = 0; fold < folds; fold++) {
            int f = fold;
            int[] inFold = IntStream.range(0, validationRows.length).filter(i -> i % folds == f).toArray();
            int[] outOfFold = IntStream.range(0, validationRows.length).filter(i -> i % folds != f).toArray();
            int[] rows = IntStream.concat(Arrays.stream(trainRows), Arrays.stream(outOfFold).map(i -> validationRows[i]))
                    .toArray();
            int[] labels = IntStream.concat(Arrays.stream(trainLabels),
                    Arrays.stream(outOfFold).map(i -> validationLabels[i])).toArray();
            float[] predicted = fast.trainAndPredict(rows, labels, Arrays.stream(inFold).map(i -> validationRows[i]).toArray());
            for (int k = 0; k < inFold.length; k++) {
                positive[inFold[k]] = predicted[k];
            }
        }
        return positive;
    }

    private double[] score(List<String> texts, Progress progress) {
        if (settings.strategy().equals(BaldSampling.NAME)) {
            return BaldSampling.mutualInformation(transformer.samplePositive(texts, dropoutPasses, progress));
        }
        float[] positive = transformer.predictPositive(texts, progress);
        double[] entropy = new double[positive.length];
        for (int i = 0; i < positive.length; i++) {
            entropy[i] = BaldSampling.binaryEntropy(positive[i]);
        }
        return entropy;
    }

    private double[] ensembleEntropy(int[] candidates, float[] fastPositive, List<String> texts, Progress progress) {
        float[] transformerPositive = transformer.predictPositive(texts, progress);
        double[] entropy = new double[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            entropy[i] = BaldSampling.binaryEntropy((fastPositive[candidates[i]] + transformerPositive[i]) / 2.0);
        }
        return entropy;
    }

    /** The ensemble's p(positive): the mean of both models'. */
    public static float[] mean(float[] a, float[] b) {
        float[] m = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            m[i] = (a[i] + b[i]) / 2;
        }
        return m;
    }

    static double accuracy(float[] positive, int[] gold) {
        if (gold.length == 0) {
            return Double.NaN;
        }
        int right = 0;
        for (int i = 0; i < gold.length; i++) {
            if ((positive[i] >= 0.5f ? 1 : 0) == gold[i]) {
                right++;
            }
        }
        return (double) right / gold.length;
    }

    private static List<String> texts(int[] rows, IntFunction<String> text) {
        return Arrays.stream(rows).mapToObj(text).toList();
    }

    private static int[] pick(int[] values, int[] positions) {
        return Arrays.stream(positions).map(p -> values[p]).toArray();
    }
}
