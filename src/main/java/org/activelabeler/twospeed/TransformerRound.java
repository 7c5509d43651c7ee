package org.activelabeler.twospeed;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.progress.Progress;
import org.activelabeler.strategy.BaldSampling;

/**
 * One background round of the slow model: keep a share of the labels aside, train the fast model
 * and the transformer on the rest, judge them and their ensemble on the share kept aside, and, if
 * the transformer or the ensemble wins, rank a candidate set of unlabeled reviews by its uncertainty
 * (the transformer's entropy or BALD; the ensemble's entropy).
 */
public final class TransformerRound {
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
     */
    public record Outcome(Handover handover, int[] ranking, double[] rankingScores, TrainingReport training,
                          long trainMillis, long scoreMillis, int trainLabels) {
    }

    public Outcome run(Input input, FastValidation fast, SplittableRandom random, Progress progress) {
        long start = System.nanoTime();
        ValidationSplit split = ValidationSplit.preferRandomDraws(input.drawnAtRandom(), input.labeledKeys(),
                settings.validationShare(), settings.seed());
        int[] trainRows = pick(input.labeledRows(), split.train());
        int[] trainLabels = pick(input.labels(), split.train());
        int[] validationRows = pick(input.labeledRows(), split.validation());
        int[] validationLabels = pick(input.labels(), split.validation());

        float[] fastValidation = fast.trainAndPredict(trainRows, trainLabels, validationRows);
        TrainingReport training = transformer.fit(texts(trainRows, input.text()), trainLabels, progress);
        float[] transformerValidation = transformer.predictPositive(texts(validationRows, input.text()), progress);
        Handover handover = Handover.judge(accuracy(fastValidation, validationLabels),
                accuracy(transformerValidation, validationLabels),
                accuracy(mean(fastValidation, transformerValidation), validationLabels), validationRows.length);
        long trained = System.nanoTime();
        if (handover.owner() == QueueOwner.FAST || input.unlabeledRows().length == 0) {
            return new Outcome(handover, new int[0], new double[0], training, (trained - start) / 1_000_000, 0,
                    trainRows.length);
        }
        int[] candidates = CandidateSet.pick(input.fastPositive(), input.unlabeledRows(), settings, random);
        double[] scores = handover.owner() == QueueOwner.ENSEMBLE
                ? ensembleEntropy(candidates, input.fastPositive(), texts(candidates, input.text()), progress)
                : score(texts(candidates, input.text()), progress);
        Integer[] order = IntStream.range(0, candidates.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> candidates[i]));
        int[] ranking = Arrays.stream(order).mapToInt(i -> candidates[i]).toArray();
        double[] rankingScores = Arrays.stream(order).mapToDouble(i -> scores[i]).toArray();
        return new Outcome(handover, ranking, rankingScores, training, (trained - start) / 1_000_000,
                (System.nanoTime() - trained) / 1_000_000, trainRows.length);
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
