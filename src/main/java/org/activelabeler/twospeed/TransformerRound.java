package org.activelabeler.twospeed;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.Predictions;
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

    /** Trains the fast model on some rows and gives its predictions for others. */
    @FunctionalInterface
    public interface FastValidation {
        Predictions trainAndPredict(int[] trainRows, int[] trainLabels, int[] predictRows);

        /** Refits {@code fast} on the chosen rows of {@code rows} each time. */
        static FastValidation refitting(Classifier fast, FeatureMatrix rows, int classes, Progress progress) {
            return (trainRows, trainLabels, predictRows) -> {
                fast.fit(rows.select(trainRows), trainLabels, classes, progress);
                return fast.predict(rows.select(predictRows));
            };
        }
    }

    /**
     * Everything the round needs, in pool rows.
     *
     * @param drawnAtRandom per labeled row, whether it was drawn at random rather than chosen by a
     *        model (see {@link TwoSpeedSettings#auditShare()}); null when unknown
     */
    public record Input(int[] labeledRows, long[] labeledKeys, int[] labels, int classes, int[] unlabeledRows,
                        Predictions fast, IntFunction<String> text, boolean[] drawnAtRandom) {
        public Input(int[] labeledRows, long[] labeledKeys, int[] labels, int classes, int[] unlabeledRows,
                     Predictions fast, IntFunction<String> text) {
            this(labeledRows, labeledKeys, labels, classes, unlabeledRows, fast, text, null);
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

        Predictions fastValidation = crossValidatedFast(fast, trainRows, trainLabels, validationRows, validationLabels,
                input.classes());
        TrainingReport training = transformer.fit(texts(trainRows, input.text()), trainLabels, input.classes(),
                progress);
        Predictions transformerValidation = transformer.predict(texts(validationRows, input.text()), progress);
        Handover handover = Handover.judge(accuracy(fastValidation, validationLabels),
                accuracy(transformerValidation, validationLabels),
                accuracy(Predictions.mean(fastValidation, transformerValidation), validationLabels),
                validationRows.length);
        long trained = System.nanoTime();
        if (handover.owner() == QueueOwner.FAST || input.unlabeledRows().length == 0) {
            return new Outcome(handover, new int[0], new double[0], settings.strategy(), training,
                    (trained - start) / 1_000_000, 0, trainRows.length);
        }
        int[] candidates = CandidateSet.pick(input.fast(), input.unlabeledRows(), settings, random);
        boolean ensemble = handover.owner() == QueueOwner.ENSEMBLE;
        double[] scores = ensemble
                ? ensembleEntropy(candidates, input.fast(), texts(candidates, input.text()), progress)
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
     * The fast model's predictions for the held-out labels, each from a fit on everything but its fold:
     * the served fast model is trained on those labels too, and trained without all of them it looked
     * 10 points worse than it was (75.6% on them against 86.0% on the holdout, at 270 labels). The
     * transformer gets one fit without them, which leans the judgement towards the fast model.
     */
    private static Predictions crossValidatedFast(FastValidation fast, int[] trainRows, int[] trainLabels,
                                                  int[] validationRows, int[] validationLabels, int classes) {
        float[] probabilities = new float[validationRows.length * classes];
        int folds = Math.min(FAST_FOLDS, validationRows.length);
        for (int fold = 0; fold < folds; fold++) {
            int f = fold;
            int[] inFold = IntStream.range(0, validationRows.length).filter(i -> i % folds == f).toArray();
            int[] outOfFold = IntStream.range(0, validationRows.length).filter(i -> i % folds != f).toArray();
            int[] rows = IntStream.concat(Arrays.stream(trainRows), Arrays.stream(outOfFold).map(i -> validationRows[i]))
                    .toArray();
            int[] labels = IntStream.concat(Arrays.stream(trainLabels),
                    Arrays.stream(outOfFold).map(i -> validationLabels[i])).toArray();
            Predictions predicted = fast.trainAndPredict(rows, labels,
                    Arrays.stream(inFold).map(i -> validationRows[i]).toArray());
            for (int k = 0; k < inFold.length; k++) {
                System.arraycopy(predicted.row(k), 0, probabilities, inFold[k] * classes, classes);
            }
        }
        return Predictions.of(probabilities, classes);
    }

    private double[] score(List<String> texts, Progress progress) {
        if (settings.strategy().equals(BaldSampling.NAME)) {
            return BaldSampling.mutualInformation(transformer.sample(texts, dropoutPasses, progress));
        }
        return entropies(transformer.predict(texts, progress));
    }

    private double[] ensembleEntropy(int[] candidates, Predictions fast, List<String> texts, Progress progress) {
        return entropies(Predictions.mean(fast.select(candidates), transformer.predict(texts, progress)));
    }

    private static double[] entropies(Predictions predictions) {
        double[] entropy = new double[predictions.size()];
        for (int i = 0; i < entropy.length; i++) {
            entropy[i] = BaldSampling.entropy(predictions, i);
        }
        return entropy;
    }

    static double accuracy(Predictions predictions, int[] gold) {
        if (gold.length == 0) {
            return Double.NaN;
        }
        int right = 0;
        for (int i = 0; i < gold.length; i++) {
            if (predictions.top(i) == gold[i]) {
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
