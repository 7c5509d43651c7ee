package org.activelabeler.round;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.DatasetStore;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.Predictions;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.progress.Progress;
import org.activelabeler.simulation.HoldoutComparison;
import org.activelabeler.simulation.TransformerRoundResult;
import org.activelabeler.strategy.RandomDraw;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.tracking.StagedFiles;
import org.activelabeler.twospeed.TransformerRound;
import org.activelabeler.twospeed.TwoSpeedSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transformer's side of one opened dataset: the review texts (read once), the transformer (made
 * once, then warm-started at every round) and a fast model of its own to compare it with. Every
 * method runs on the transformer's single background thread, never on the fast model's.
 */
public final class TransformerRounds implements AutoCloseable {
    /** Holdout reviews the transformer is scored on at each round: scoring all of IMDB takes a CPU an hour. */
    static final int HOLDOUT_SAMPLE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(TransformerRounds.class);

    private final Corpus corpus;
    private final LabelStore store;
    private final DatasetStore datasets;
    private final ClassifierFactory fastModels;
    private final TransformerFactory transformers;
    private final TransformerTracking tracking;
    private final long seed;
    private final SplittableRandom random;
    private List<String> texts;
    private TextClassifier transformer;
    private Classifier fastModel;

    /**
     * @param settings this round's two-speed settings
     * @param fast the latest fast round's predictions per text, in corpus order
     * @param fastRound the number of that fast round
     */
    public record Request(TwoSpeedSettings settings, PreparedFeatures features, Predictions fast, int fastRound) {
    }

    public TransformerRounds(Corpus corpus, LabelStore store, DatasetStore datasets, ClassifierFactory fastModels,
                              TransformerFactory transformers, TransformerTracking tracking, long seed) {
        this.corpus = corpus;
        this.store = store;
        this.datasets = datasets;
        this.fastModels = fastModels;
        this.transformers = transformers;
        this.tracking = tracking;
        this.seed = seed;
        this.random = new SplittableRandom(seed ^ 0x7A11L);
    }

    /** The two-speed defaults of the device the transformer runs on. */
    public TwoSpeedSettings defaults() {
        return transformers.twoSpeedDefaults(seed);
    }

    /**
     * Trains the transformer on the labels stored now (those given meanwhile wait for the next
     * round), judges it and its ensemble against the fast model (on the labels of the reviews drawn at
     * random into the queue, once there are enough of them), ranks candidates when one of them
     * wins, scores it on a sample of the holdout when the file has labels, and hands the round to the
     * tracking.
     */
    public TransformerRoundOutcome run(Request request, Progress progress) {
        long start = System.nanoTime();
        List<String> poolTexts = texts(progress);
        TextClassifier model = transformer(progress);
        progress.checkCancelled();
        long datasetId = corpus.dataset().id();
        Pool pool = pool(store.currentLabels(datasetId), store.auditDraws(datasetId));
        TransformerRound round = new TransformerRound(model, request.settings(), transformers.dropoutPasses(seed));
        int classes = corpus.dataset().labels().size();
        TransformerRound.Outcome outcome = round.run(new TransformerRound.Input(pool.labeledRows, pool.keys,
                pool.labels, classes, pool.unlabeledRows, request.fast(), poolTexts::get, pool.drawnAtRandom),
                fastValidation(request.features(), classes, progress), random, progress);
        progress.checkCancelled();
        Holdout holdout = holdout(model, pool, request.fast(), progress);
        progress.checkCancelled();
        HoldoutComparison scored = holdout.scored();
        TransformerRoundResult result = new TransformerRoundResult(request.fastRound(), pool.labeledRows.length,
                outcome.handover(), scored.accuracy(), scored.macroF1(), scored.fastAccuracy(), scored.ensembleAccuracy(),
                scored.size(), scored.confusion(), outcome.training(), outcome.trainMillis(), outcome.scoreMillis(),
                holdout.millis(), outcome.ranking().length, (System.nanoTime() - start) / 1_000_000);
        RunRef run = track(model, result, pool);
        return new TransformerRoundOutcome(result, outcome.ranking(), outcome.rankingScores(), outcome.rankingStrategy(),
                run);
    }

    private List<String> texts(Progress progress) {
        if (texts == null) {
            progress.update("Reading the review texts", 0, 1);
            texts = datasets.reviewTexts(corpus.dataset().id(), progress);
            if (texts.size() != corpus.size()) {
                throw new IllegalStateException("The dataset has " + corpus.size() + " reviews but " + texts.size()
                        + " texts");
            }
        }
        return texts;
    }

    private TextClassifier transformer(Progress progress) {
        if (transformer == null) {
            transformer = transformers.create(seed, corpus.dataset().labels().size(), progress);
        }
        return transformer;
    }

    /** The fast model trained on the transformer's training labels, on this thread. */
    private TransformerRound.FastValidation fastValidation(PreparedFeatures features, int classes,
                                                           Progress progress) {
        if (fastModel == null) {
            fastModel = fastModels.create(features.parameters());
        }
        Progress labelled = new Progress() {
            @Override
            public void update(String task, long done, long total) {
                progress.update("Fast model for comparison: " + task, done, total);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
        return TransformerRound.FastValidation.refitting(fastModel, features.rows(), classes, labelled);
    }

    /** @param auditDraws the reviews drawn at random into the queue: the models are judged on their labels */
    private Pool pool(Map<Long, Integer> labels, Set<Long> auditDraws) {
        int[] labeledRows = IntStream.range(0, corpus.size())
                .filter(row -> labels.containsKey(corpus.reviewIds()[row])).toArray();
        int[] unlabeledRows = IntStream.range(0, corpus.size())
                .filter(row -> !labels.containsKey(corpus.reviewIds()[row])).toArray();
        long[] keys = Arrays.stream(labeledRows).mapToLong(row -> corpus.reviewIds()[row]).toArray();
        int[] classes = Arrays.stream(labeledRows).map(row -> labels.get(corpus.reviewIds()[row])).toArray();
        boolean[] drawnAtRandom = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            drawnAtRandom[i] = auditDraws.contains(keys[i]);
        }
        return new Pool(labeledRows, keys, classes, unlabeledRows, drawnAtRandom);
    }

    /** Scores the transformer on a seeded sample of the reviews with a file label and no annotator label. */
    private Holdout holdout(TextClassifier model, Pool pool, Predictions fast, Progress progress) {
        int[] rows = Arrays.stream(pool.unlabeledRows).filter(row -> corpus.gold()[row] >= 0).toArray();
        if (rows.length == 0) {
            return new Holdout(HoldoutComparison.NONE, 0);
        }
        long start = System.nanoTime();
        rows = RandomDraw.sortedSample(rows, HOLDOUT_SAMPLE, new SplittableRandom(seed));
        Predictions predicted = model.predict(Arrays.stream(rows).mapToObj(texts::get).toList(), progress);
        return new Holdout(HoldoutComparison.of(predicted, fast, corpus.gold(), rows),
                (System.nanoTime() - start) / 1_000_000);
    }

    private RunRef track(TextClassifier model, TransformerRoundResult result, Pool pool) {
        try {
            return tracking.trained(model, result, StagedFiles.labelSnapshot(pool.labeledRows, pool.labels,
                    corpus.dataset().labels()));
        } catch (RuntimeException e) {
            LOG.warn("The transformer round on {} labels is not tracked: {}", result.labels(), e.toString(), e);
            return null;
        }
    }

    @Override
    public void close() {
        if (transformer != null) {
            transformer.close();
            transformer = null;
        }
        if (fastModel != null) {
            fastModel.close();
            fastModel = null;
        }
    }

    /** The labels as the round sees them, in corpus rows; {@code keys} are review ids. */
    private record Pool(int[] labeledRows, long[] keys, int[] labels, int[] unlabeledRows, boolean[] drawnAtRandom) {
    }

    /** The comparison ({@link HoldoutComparison#NONE} when the file has no labels) and how long it took. */
    private record Holdout(HoldoutComparison scored, long millis) {
    }
}
