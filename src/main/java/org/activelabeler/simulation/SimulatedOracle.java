package org.activelabeler.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.stopping.AuditEstimate;
import org.activelabeler.stopping.StabilizingPredictions;
import org.activelabeler.stopping.StoppingSignal;
import java.util.stream.IntStream;
import org.activelabeler.evaluation.ClassMetrics;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.Predictions;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.progress.Progress;
import org.activelabeler.round.FastRound;
import org.activelabeler.round.FeatureChoice;
import org.activelabeler.strategy.RandomDraw;
import org.activelabeler.strategy.RankedCandidate;

/**
 * The active-learning loop with the dataset's own labels as the annotator: a random start, then
 * rounds of train, evaluate on the holdout, score the pool, reveal the top of the queue.
 */
public final class SimulatedOracle {
    private final Classifier classifier;
    private final SimulationSettings settings;
    private final TransformerLane transformer;
    private final float[][] poolVectors;

    public SimulatedOracle(Classifier classifier, SimulationSettings settings) {
        this(classifier, settings, null);
    }

    /** A two-speed simulation: the fast classifier every batch, the transformer lane every few (may be null). */
    public SimulatedOracle(Classifier classifier, SimulationSettings settings, TransformerLane transformer) {
        this(classifier, settings, transformer, null);
    }

    /** @param poolVectors each pool row's sentence vector, for strategies that spread a batch; may be null */
    public SimulatedOracle(Classifier classifier, SimulationSettings settings, TransformerLane transformer,
                           float[][] poolVectors) {
        this.poolVectors = poolVectors;
        this.classifier = classifier;
        this.settings = settings;
        this.transformer = transformer;
    }

    /** @param classes the size of the label set */
    public LearningCurve run(LabeledRows pool, LabeledRows holdout, int classes, RoundListener listener,
                             Progress progress) {
        return run(List.of(new FeatureSpace("", pool, holdout)), classes, listener, progress);
    }

    /**
     * As {@link #run(LabeledRows, LabeledRows, int, RoundListener, Progress)}, each round fitting on the
     * feature space a {@link FeatureChoice} picks inside the labels (the first when there is one).
     *
     * @param spaces the same pool and holdout rows in each feature space the fast model may use
     */
    public LearningCurve run(List<FeatureSpace> spaces, int classes, RoundListener listener, Progress progress) {
        LabeledRows pool = spaces.get(0).pool();
        settings.requireFits(pool.size());
        FeatureChoice choice = new FeatureChoice(spaces.stream().map(FeatureSpace::name).toList(), settings.seed());
        FastRound fastRound = new FastRound(classifier, settings.strategy(), poolVectors);
        SplittableRandom random = new SplittableRandom(settings.seed());
        boolean[] revealed = new boolean[pool.size()];
        boolean[] drawnAtRandom = new boolean[pool.size()];
        List<Integer> order = new ArrayList<>();
        for (int row : RandomDraw.take(IntStream.range(0, pool.size()).toArray(), settings.initialLabels(), random)) {
            revealed[row] = true;
            drawnAtRandom[row] = true;
            order.add(row);
        }
        LearningCurve curve = new LearningCurve();
        int[] stopRows = StabilizingPredictions.stopSet(pool.size(), settings.seed());
        List<FeatureMatrix> stopFeatures = spaces.stream().map(space -> space.pool().features().select(stopRows)).toList();
        List<FeatureMatrix> poolFeatures = spaces.stream().map(space -> space.pool().features()).toList();
        StabilizingPredictions stabilizing = new StabilizingPredictions(classes);
        AuditEstimate audit = new AuditEstimate();
        long started = System.nanoTime();
        for (int round = 1; ; round++) {
            progress.checkCancelled();
            int[] labeledRows = order.stream().mapToInt(Integer::intValue).toArray();
            int[] labels = Arrays.stream(labeledRows).map(row -> pool.gold()[row]).toArray();
            boolean last = order.size() >= settings.maxLabels();
            boolean transformerDue = transformer != null
                    && transformer.due(labeledRows.length, settings.initialLabels(), settings.batchSize());
            int take = Math.min(settings.batchSize(), settings.maxLabels() - order.size());
            int[] unlabeled = last && !transformerDue ? new int[0] : unlabeled(revealed);
            int space = choice.choose(classifier, poolFeatures, labeledRows, labels, classes);
            curve.recordFeatureSpace(choice.chosenName());
            if (spaces.size() > 1) {
                listener.featureSpaceChosen(choice.chosenName());
            }
            LabeledRows holdout = spaces.get(space).holdout();
            Predictions[] holdoutScores = new Predictions[1];
            Predictions[] stopScores = new Predictions[1];
            FastRound.Outcome outcome = fastRound.run(new FastRound.Input(poolFeatures.get(space), labeledRows, labels,
                    classes, unlabeled, last ? 0 : take, !last || transformerDue), (fitted, scored) -> {
                        holdoutScores[0] = fitted.predict(holdout.features());
                        stopScores[0] = fitted.predict(stopFeatures.get(space));
                        return ClassMetrics.of(holdoutScores[0], holdout.gold());
                    }, random, Progress.NONE);
            StoppingSignal stopping = new StoppingSignal(stabilizing.next(stopScores[0].topClasses()), audit.reading());
            TrainingReport training = outcome.training();
            ClassMetrics metrics = outcome.metrics();
            RoundResult result = new RoundResult(round, labeledRows.length, metrics.accuracy(), metrics.macroF1(),
                    training.millis(), outcome.scoreMillis(), outcome.entropyMean(), outcome.entropyMax(), training,
                    metrics, stopping);
            curve.add(result);
            listener.roundFinished(result, labeledRows);
            if (transformerDue) {
                transformer.run(round, labeledRows, drawnAtRandom, last ? new int[0] : unlabeled, outcome.pool(),
                        classifier, spaces.get(space).pool(), holdout, classes, holdoutScores[0], last, started, progress);
            }
            if (!last) {
                double share = transformer == null ? settings.auditShare() : transformer.auditShare();
                int audits = (int) Math.round(take * share);
                for (int row : RandomDraw.take(unlabeled, audits, random)) {
                    revealed[row] = true;
                    drawnAtRandom[row] = true;
                    order.add(row);
                    audit.add(outcome.pool().top(row) == pool.gold()[row]);
                }
                int wanted = take - audits;
                int[] next = transformer != null && transformer.serving() ? transformer.next(wanted, revealed) : new int[0];
                if (next.length < wanted) {
                    next = outcome.ranked().stream().mapToInt(RankedCandidate::row).filter(row -> !revealed[row])
                            .limit(wanted).toArray();
                }
                for (int row : next) {
                    revealed[row] = true;
                    order.add(row);
                }
            }
            progress.update("Simulating", labeledRows.length, settings.maxLabels());
            if (last) {
                curve.recordChoiceMillis(choice.millis());
                return curve;
            }
        }
    }

    private static int[] unlabeled(boolean[] revealed) {
        int count = 0;
        for (boolean r : revealed) {
            if (!r) {
                count++;
            }
        }
        int[] rows = new int[count];
        int k = 0;
        for (int i = 0; i < revealed.length; i++) {
            if (!revealed[i]) {
                rows[k++] = i;
            }
        }
        return rows;
    }
}
