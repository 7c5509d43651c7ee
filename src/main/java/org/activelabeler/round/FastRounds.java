package org.activelabeler.round;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.DatasetStore;
import org.activelabeler.evaluation.ClassMetrics;
import org.activelabeler.features.FeatureBlocks;
import org.activelabeler.features.FeatureMatrix;
import org.activelabeler.explain.TokenPulls;
import org.activelabeler.features.FeatureLayout;
import org.activelabeler.features.FeaturePipeline;
import org.activelabeler.features.FeatureVariant;
import org.activelabeler.modelpackage.EncoderRef;
import org.activelabeler.modelpackage.TrainedOn;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.labeling.NewRound;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.labeling.RoundRecord;
import org.activelabeler.labeling.RoundTurn;
import org.activelabeler.team.TeamReport;
import org.activelabeler.model.Classifier;
import org.activelabeler.model.Predictions;
import org.activelabeler.progress.Progress;
import org.activelabeler.simulation.RoundResult;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.tracking.StagedFiles;
import org.activelabeler.stopping.AuditEstimate;
import org.activelabeler.stopping.StabilizingPredictions;
import org.activelabeler.stopping.StoppingSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast model's rounds on one opened dataset: features fitted once, then a {@link FastRound} on
 * every current label each time, with the ranked queue and the round stored together and the round
 * handed to the tracking. Runs on one background thread: the classifier is not thread-safe.
 */
public final class FastRounds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FastRounds.class);
    private final Corpus corpus;
    private final DatasetStore datasets;
    private final LabelStore store;
    private final ClassifierFactory factory;
    private final String tokenizerName;
    private final int queueLength;
    private final long seed;
    private final RoundTracking tracking;
    private Classifier classifier;
    private volatile PreparedFeatures features;
    private volatile Embedding pendingEmbedding;
    private StabilizingPredictions stabilizing;
    private int[] stopRows;
    private final AuditEstimate audit = new AuditEstimate();
    private Predictions lastPool;
    private Set<Long> lastLabeled = Set.of();
    private Map<Long, Integer> rowOf;
    private List<FeatureMatrix> spaces;
    private FeatureChoice choice;

    private record Embedding(float[][] vectors, Map<String, String> parameters) {
    }

    public FastRounds(Corpus corpus, LabelStore store, ClassifierFactory factory, String tokenizerName,
                      int queueLength, long seed) {
        this(corpus, store, factory, tokenizerName, queueLength, seed, RoundTracking.NONE);
    }

    /** @param tracking where each retrain is logged */
    public FastRounds(Corpus corpus, LabelStore store, ClassifierFactory factory, String tokenizerName,
                      int queueLength, long seed, RoundTracking tracking) {
        this(corpus, null, store, factory, tokenizerName, queueLength, seed, tracking);
    }

    /**
     * @param index the dataset's reviews; without token ids, {@link #prepare} reads them from {@code datasets}
     *     for the features and lets them go (the window opens on the index alone, without waiting for them)
     * @param datasets where the token ids are, or null when the index holds them
     */
    public FastRounds(Corpus index, DatasetStore datasets, LabelStore store, ClassifierFactory factory,
                      String tokenizerName, int queueLength, long seed, RoundTracking tracking) {
        if (index.tokenIds() == null && datasets == null) {
            throw new IllegalArgumentException("The corpus has no token ids and no store to read them from");
        }
        this.tracking = tracking;
        this.corpus = index;
        this.datasets = datasets;
        this.store = store;
        this.factory = factory;
        this.tokenizerName = tokenizerName;
        this.queueLength = queueLength;
        this.seed = seed;
    }

    /**
     * Learns the features from the dataset's text (no labels); the first retrain needs it. Once
     * {@link #useEmbeddings} has handed over vectors, the next call adds the embeddings block.
     */
    public void prepare(Progress progress) {
        Embedding embedding = pendingEmbedding;
        if (features != null && embedding == null) {
            return;
        }
        // the token ids are read inside the fit, so that no local here keeps them past the TF-IDF rows
        PreparedFeatures fitted = PreparedFeatures.fit(corpus.size(), () -> withTokenIds(progress).tokenIds(),
                tokenizerName, embedding == null ? null : embedding.vectors(),
                embedding == null ? Map.of() : embedding.parameters(), progress);
        progress.update("Starting the model engine", 0, 1);
        if (classifier != null) {
            classifier.close();
        }
        classifier = factory.create(fitted.parameters());
        features = fitted;
        spaces = null;
        pendingEmbedding = null;
        progress.update("Features ready", 1, 1);
    }

    /** The corpus with its token ids, read from the store when the index has none. */
    private Corpus withTokenIds(Progress progress) {
        if (corpus.tokenIds() != null) {
            return corpus;
        }
        Corpus loaded = datasets.loadCorpus(corpus.dataset().id(), progress);
        if (!Arrays.equals(loaded.reviewIds(), corpus.reviewIds())) {
            throw new IllegalStateException("The reviews of '" + corpus.dataset().name() + "' changed while it was"
                    + " open; open it again");
        }
        return loaded;
    }

    /**
     * Hands over every text's sentence vector (corpus order); the next retrain fits on the text's
     * features and the embeddings block. Any thread may call it.
     */
    public void useEmbeddings(float[][] vectors, Map<String, String> parameters) {
        if (vectors.length != corpus.size()) {
            throw new IllegalArgumentException("Need " + corpus.size() + " vectors, got " + vectors.length);
        }
        pendingEmbedding = new Embedding(vectors, Map.copyOf(parameters));
    }

    /** Whether the model fits on the embeddings block (after the first retrain with them). */
    public boolean embedded() {
        PreparedFeatures current = features;
        return current != null && current.embedded();
    }

    public boolean prepared() {
        return features != null;
    }

    /**
     * The feature rows of every text and how they were made, for a second fast model on another
     * thread (the rows are never changed); null until {@link #prepare} is done.
     */
    public PreparedFeatures features() {
        return features;
    }

    public String modelName() {
        return classifier == null ? "" : classifier.description().name();
    }

    /** Fits on every current label, scores the rest, stores the queue and the round. */
    public RoundOutcome retrain(String strategy, Progress progress) {
        return retrain(strategy, 0, progress);
    }

    /**
     * Fits on every current label, scores the rest, stores the queue and the round in one
     * transaction, and hands the round to the tracking; a tracking failure is logged and does not
     * fail the retrain.
     *
     * @param batchSize labels per round, for the tracked params (0 when unknown)
     */
    public RoundOutcome retrain(String strategy, int batchSize, Progress progress) {
        prepare(progress);
        try (RoundTurn turn = store.tryStartRound(corpus.dataset().id()).orElseThrow(() -> new RoundBusyException(
                "Another client is retraining '" + corpus.dataset().name() + "' now: its round and queue come here"
                        + " when it ends; retrain after it if you have labeled since"))) {
            return retrainInTurn(strategy, batchSize, progress);
        }
    }

    private RoundOutcome retrainInTurn(String strategy, int batchSize, Progress progress) {
        TrainingLabels training = TrainingLabels.read(store, corpus);
        Map<Long, Integer> labels = training.labels();
        if (labels.values().stream().distinct().count() < 2) {
            int waiting = training.team().conflicts().size();
            throw new IllegalStateException("Label texts of at least two classes before retraining" + (waiting == 0
                    ? "" : " (" + waiting + " texts the team disagrees on wait for a settlement: Dataset >"
                    + " Disagreements, or `team`)"));
        }
        judgeAuditLabels(labels);
        Rows rows = rows(labels);
        int classes = corpus.dataset().labels().size();
        FastRound.Outcome outcome = fit(rows, strategy, queueLength, (fitted, pool) -> holdout(pool, labels), progress);
        progress.checkCancelled();
        List<QueueEntry> queue = outcome.ranked().stream().map(c -> new QueueEntry(corpus.reviewIds()[c.row()], c.rank(),
                c.score(), c.topClass(), c.topProbability(), strategy)).toList();
        RoundRecord round = store.saveRound(corpus.dataset().id(), new NewRound(labels.size(),
                classifier.description().name(), strategy, outcome.training().validationAccuracy(),
                outcome.training().millis(), outcome.scoreMillis()), queue);
        ClassMetrics holdout = outcome.metrics();
        StoppingSignal stopping = stopping(outcome.pool());
        lastPool = outcome.pool();
        lastLabeled = Set.copyOf(labels.keySet());
        RunRef run = track(round, outcome, rows, strategy, batchSize, stopping, training.team());
        return new RoundOutcome(round, queue, outcome.pool(), holdout == null ? Double.NaN : holdout.accuracy(),
                holdout == null ? 0 : holdoutSize(labels), run, stopping, tokenPulls(classes));
    }

    /** The TF-IDF block's pull of each token, when the chosen feature space has that block. */
    private TokenPulls tokenPulls(int classes) {
        FeatureLayout layout = FeatureLayout.named(choice.chosenName(), FeatureBlocks.EMBEDDING_WEIGHT);
        if (!layout.blocks().tfidf()) {
            return null;
        }
        FeaturePipeline pipeline = features.pipeline();
        return classifier.linearWeights(pipeline.settings().sparseColumnCount())
                .map(weights -> new TokenPulls(pipeline, weights, classes)).orElse(null);
    }

    /**
     * The model the current labels give, fitted again without storing or tracking a round: what a
     * reopened dataset shows (the probabilities and the words that pulled them) until its next retrain.
     * Null when fewer than two classes have labels.
     */
    public Refit refit(Progress progress) {
        prepare(progress);
        Map<Long, Integer> labels = TrainingLabels.read(store, corpus).labels();
        if (labels.values().stream().distinct().count() < 2) {
            return null;
        }
        FastRound.Outcome outcome = fit(rows(labels), "entropy", 0, FastRound.Judge.NONE, progress);
        return new Refit(outcome.pool(), tokenPulls(corpus.dataset().labels().size()));
    }

    /**
     * Fits on the labeled rows in the feature space the choice inside the labels picks, scores the pool
     * and ranks the best {@code rank} unlabeled rows (none for 0).
     */
    private FastRound.Outcome fit(Rows rows, String strategy, int rank, FastRound.Judge judge, Progress progress) {
        int classes = corpus.dataset().labels().size();
        int space = choice().choose(classifier, spaces, rows.labeled, rows.classes, classes);
        progress.checkCancelled();
        return new FastRound(classifier, strategy, features.vectors()).run(new FastRound.Input(spaces.get(space),
                rows.labeled, rows.classes, classes, rows.unlabeled, rank, true), judge, new SplittableRandom(seed),
                progress);
    }

    /**
     * A model fitted on the current labels without a round of its own.
     *
     * @param predictions the class probabilities of every text, in corpus order
     * @param pulls what each token adds toward each class, or null without a TF-IDF block
     */
    public record Refit(Predictions predictions, TokenPulls pulls) {
    }

    /**
     * Chooses inside the labels between every block and the embeddings alone, the embeddings at two
     * scales each, once the rows hold the embeddings block ({@link FeatureChoice}); the text's features alone otherwise.
     */
    private FeatureChoice choice() {
        if (spaces == null) {
            PreparedFeatures current = features;
            List<FeatureVariant> variants = current.embedded()
                    ? FeatureVariant.alternatives(FeatureBlocks.ALL, FeatureBlocks.EMBEDDING_WEIGHT) : List.of();
            List<FeatureMatrix> rows = new ArrayList<>(List.of(current.rows()));
            List<String> names = new ArrayList<>(List.of((current.embedded() ? FeatureBlocks.ALL : FeatureBlocks.TEXT)
                    .toString()));
            for (FeatureVariant variant : variants) {
                rows.add(variant.rows(current.textRows(), current.vectors(), current.rows(),
                        FeatureBlocks.EMBEDDING_WEIGHT));
                names.add(variant.name());
            }
            spaces = List.copyOf(rows);
            choice = new FeatureChoice(names, seed);
        }
        return choice;
    }

    /** Kappa between this retrain's classes and the last one's on the stop set (this session's retrains). */
    private StoppingSignal stopping(Predictions pool) {
        if (stabilizing == null) {
            stabilizing = new StabilizingPredictions(corpus.dataset().labels().size());
            stopRows = StabilizingPredictions.stopSet(corpus.size(), seed);
        }
        int[] tops = new int[stopRows.length];
        for (int i = 0; i < stopRows.length; i++) {
            tops[i] = pool.top(stopRows[i]);
        }
        return new StoppingSignal(stabilizing.next(tops), audit.reading());
    }

    /**
     * Adds the labels given since the last retrain to texts drawn at random (the window's audit share)
     * to the audit estimate, each judged by that retrain's model, which had not learned it; this
     * session's retrains only, as the kappa.
     */
    private void judgeAuditLabels(Map<Long, Integer> labels) {
        if (lastPool == null) {
            return;
        }
        Set<Long> drawn = store.auditDraws(corpus.dataset().id());
        if (drawn.isEmpty()) {
            return;
        }
        if (rowOf == null) {
            rowOf = corpus.rowsByReviewId();
        }
        labels.forEach((reviewId, label) -> {
            if (drawn.contains(reviewId) && !lastLabeled.contains(reviewId)) {
                audit.add(lastPool.top(rowOf.get(reviewId)) == label);
            }
        });
    }

    private RunRef track(RoundRecord round, FastRound.Outcome outcome, Rows rows, String strategy, int batchSize,
                         StoppingSignal stopping, TeamReport team) {
        try {
            ClassMetrics holdout = outcome.metrics();
            RoundResult measured = new RoundResult(store.rounds(corpus.dataset().id()).size(), round.labels(),
                    holdout == null ? Double.NaN : holdout.accuracy(), holdout == null ? Double.NaN : holdout.macroF1(),
                    round.trainMillis(), round.scoreMillis(), outcome.entropyMean(), outcome.entropyMax(),
                    outcome.training(), holdout, stopping, team);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("strategy", strategy);
            if (batchSize > 0) {
                params.put("batch_size", Integer.toString(batchSize));
            }
            params.put("tokenizer", tokenizerName);
            if (spaces.size() > 1) {
                params.put("feature_space", choice.chosenName());
            }
            String snapshot = StagedFiles.labelSnapshot(rows.labeled, rows.classes, corpus.dataset().labels());
            PreparedFeatures current = features;
            FeatureLayout layout = FeatureLayout.named(choice.chosenName(), FeatureBlocks.EMBEDDING_WEIGHT);
            TrainedOn trainedOn = new TrainedOn(current.pipeline(), layout,
                    EncoderRef.fromParameters(current.parameters()));
            return tracking.trained(classifier, trainedOn, measured, snapshot, params);
        } catch (RuntimeException e) {
            LOG.warn("The retrain on {} labels is not tracked: {}", round.labels(), e.toString(), e);
            return null;
        }
    }

    /** The labeled and unlabeled rows in corpus order, with the classes of the labeled ones. */
    private Rows rows(Map<Long, Integer> labels) {
        List<Integer> labeled = new ArrayList<>();
        List<Integer> unlabeled = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            (labels.containsKey(corpus.reviewIds()[i]) ? labeled : unlabeled).add(i);
        }
        int[] labeledRows = labeled.stream().mapToInt(Integer::intValue).toArray();
        int[] classes = labeled.stream().mapToInt(row -> labels.get(corpus.reviewIds()[row])).toArray();
        return new Rows(labeledRows, classes, unlabeled.stream().mapToInt(Integer::intValue).toArray());
    }

    private record Rows(int[] labeled, int[] classes, int[] unlabeled) {
    }

    /** Holdout: the texts with a file label and no label from the loop; null when there are none. */
    private ClassMetrics holdout(Predictions pool, Map<Long, Integer> labels) {
        int size = holdoutSize(labels);
        if (size == 0) {
            return null;
        }
        int[] rows = new int[size];
        int[] gold = new int[size];
        int k = 0;
        for (int i = 0; i < corpus.size(); i++) {
            if (corpus.gold()[i] >= 0 && !labels.containsKey(corpus.reviewIds()[i])) {
                rows[k] = i;
                gold[k++] = corpus.gold()[i];
            }
        }
        return ClassMetrics.of(pool.select(rows), gold);
    }

    private int holdoutSize(Map<Long, Integer> labels) {
        int size = 0;
        for (int i = 0; i < corpus.size(); i++) {
            if (corpus.gold()[i] >= 0 && !labels.containsKey(corpus.reviewIds()[i])) {
                size++;
            }
        }
        return size;
    }

    @Override
    public void close() {
        if (classifier != null) {
            classifier.close();
            classifier = null;
        }
    }
}
