package org.activelabeler.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.activelabeler.app.Workspace;
import org.activelabeler.labeling.RoundRecord;
import org.activelabeler.strategy.BaldSampling;
import org.activelabeler.twospeed.TwoSpeedSettings;
import org.activelabeler.ui.chart.LearningCurveView;
import org.activelabeler.ui.dataset.DatasetActions;
import org.activelabeler.ui.chart.LearningCurveViewModel;
import org.activelabeler.ui.labeling.CountsView;
import org.activelabeler.ui.labeling.KeyboardShortcuts;
import org.activelabeler.ui.find.FindView;
import org.activelabeler.ui.find.FindViewModel;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.team.TeamQueue;
import org.activelabeler.labeling.LabelSource;
import org.activelabeler.ui.history.HistoryView;
import org.activelabeler.ui.team.ConflictsView;
import org.activelabeler.ui.team.ConflictsViewModel;
import org.activelabeler.ui.team.TeamRoundWatch;
import org.activelabeler.labeling.RoundRecord;
import javafx.util.Duration;
import org.activelabeler.ui.history.HistoryViewModel;
import org.activelabeler.search.TextSearch;
import org.activelabeler.dataset.ReviewText;
import org.activelabeler.progress.Progress;
import org.activelabeler.ui.labeling.LabelingView;
import org.activelabeler.ui.labeling.LabelingViewModel;
import org.activelabeler.ui.labeling.OpenedDataset;
import org.activelabeler.ui.labeling.ReviewTexts;
import org.activelabeler.ui.oracle.OracleTimer;
import org.activelabeler.ui.queue.QueueView;
import org.activelabeler.round.FastRounds;
import org.activelabeler.ui.retrain.RetrainViewModel;
import org.activelabeler.round.RoundOutcome;
import org.activelabeler.ui.rounds.RoundsView;
import org.activelabeler.ui.rounds.RoundsViewModel;
import org.activelabeler.ui.toolbar.ToolbarView;
import org.activelabeler.ui.toolbar.ToolbarViewModel;
import org.activelabeler.ui.transformer.ModelChoice;
import org.activelabeler.ui.transformer.ModelsView;
import org.activelabeler.ui.transformer.TransformerLaneViewModel;
import org.activelabeler.round.TransformerRoundOutcome;
import org.activelabeler.round.TransformerRounds;

/**
 * Wires the labeling screen of one opened dataset: its view models, views, keys, oracle, the fast
 * model and the transformer lane (each on its own background thread), and what is remembered across
 * starts.
 */
final class LabelingScreen implements AutoCloseable {
    static final String CURRENT = "current.review.";
    static final String HOLDOUT = "round.holdout.";
    static final String AUDIT = "round.audit.";
    /** The share of the queue drawn at random for the audit estimate while the fast model serves alone. */
    static final String AUDIT_SHARE = "audit.share";
    static final String HIGHLIGHT = "highlight.words";
    static final double DEFAULT_AUDIT_SHARE = 0.1;
    private static final int QUEUE_LENGTH = 200;
    static final long SEED = 13;
    static final String MODEL = "model";
    static final String TRANSFORMER_EVERY = "transformer.every";
    static final String TRANSFORMER_STRATEGY = "transformer.strategy";

    private final AppConfig config;
    private final UiSettings settings;
    private final long datasetId;
    private final LabelingViewModel labeling;
    private final RetrainViewModel retrain;
    private final FastRounds trainer;
    private final TransformerRounds transformerTrainer;
    private final TransformerLaneViewModel lane;
    private final LabelingView labelingView;
    private final ToolbarView toolbar;
    private final SplitPane content;
    private final KeyboardShortcuts shortcuts;
    private final OracleTimer oracle;
    private final ToolbarViewModel toolbarModel;
    private final LabelingRuns runs;
    private final RoundsViewModel roundRows;
    private Scene scene;
    private final FindViewModel findModel;
    private final ToolWindow findWindow = new ToolWindow(owner -> new FindView(owner, find()));
    private final HistoryViewModel historyModel;
    private final ToolWindow historyWindow = new ToolWindow(owner -> new HistoryView(owner, history()));
    private final ConflictsViewModel conflictsModel;
    private final ToolWindow conflictsWindow = new ToolWindow(owner -> new ConflictsView(owner, conflicts()));
    private final TeamRoundWatch teamRounds;
    private final StringProperty embeddingStatus = new javafx.beans.property.SimpleStringProperty("");
    private final StringProperty stoppingAdvice = new javafx.beans.property.SimpleStringProperty("");
    private org.activelabeler.ui.task.TaskHandle embedding;
    private boolean embeddingAnnounced;
    private final javafx.beans.value.ChangeListener<String> annotatorListener =
            (obs, old, now) -> labeling().changeAnnotator(now);

    LabelingScreen(OpenedDataset opened, Workspace workspace, ReviewTexts texts, AppConfig config,
                   UiSettings settings, ToolbarViewModel toolbarModel, StringProperty statusMessage,
                   Runnable openMlflow, DatasetActions datasetActions, LabelingRuns runs, Runnable afterRound) {
        this.config = config;
        this.runs = runs;
        this.settings = settings;
        this.toolbarModel = toolbarModel;
        this.datasetId = opened.corpus().dataset().id();
        long[] order = opened.askingOrder();
        labeling = new LabelingViewModel(opened, order, workspace.labels(), texts,
                toolbarModel.annotatorProperty().get());
        labeling.mixInFastAuditDraws(settings.getShare(AUDIT_SHARE, DEFAULT_AUDIT_SHARE), SEED);
        labeling.highlightWordsWith(workspace.tokenizer());
        labeling.highlightingProperty().set(!"false".equals(settings.get(HIGHLIGHT, "true")));
        labeling.highlightingProperty().addListener((obs, old, now) -> settings.put(HIGHLIGHT, now.toString()));
        trainer = new FastRounds(opened.corpus(), workspace.datasets(), workspace.labels(), config.classifiers(),
                workspace.tokenizer().name(), QUEUE_LENGTH, SEED, runs);
        List<RoundRecord> rounds = opened.rounds();
        retrain = new RetrainViewModel(config.executor(), trainer, labeling.labeledProperty(), labeling::classesLabeled,
                rounds.isEmpty() ? 0 : rounds.get(rounds.size() - 1).labels());
        retrain.strategyProperty().set(settings.get("strategy", retrain.strategyProperty().get()));
        retrain.batchSizeProperty().set(RetrainViewModel.batchWithinRange(settings.getInt("batch",
                RetrainViewModel.DEFAULT_BATCH)));
        boolean holdout = labeling.hasGold();
        Map<Long, Double> remembered = remembered(HOLDOUT, rounds);
        LearningCurveViewModel curve = new LearningCurveViewModel(holdout, rounds,
                holdout ? remembered : remembered(AUDIT, rounds));
        roundRows = new RoundsViewModel(holdout, rounds, remembered);
        toolbarModel.oracleAvailableProperty().set(holdout);
        transformerTrainer = new TransformerRounds(opened.corpus(), workspace.labels(), workspace.datasets(),
                config.classifiers(), config.transformers(), runs, SEED);
        lane = transformerLane(rounds, remembered);

        labelingView = new LabelingView(labeling);
        toolbar = new ToolbarView(toolbarModel, retrain, lane, openMlflow, datasetActions.withScreen(this::showFind,
                this::showHistory, this::showConflicts));
        content = new SplitPane(labelingView, sidePanel(curve, roundRows));
        content.setDividerPositions(0.62);
        shortcuts = new KeyboardShortcuts(labeling, labelingView, retrain::retrainNow, datasetActions.exportLabels(),
                this::showFind, this::showHistory);
        findModel = new FindViewModel(opened.corpus().dataset().labels(), () -> new TextSearch(
                opened.corpus().reviewIds(), workspace.datasets().reviewTexts(datasetId, Progress.NONE).stream()
                .map(ReviewText::readable).toList()), () -> workspace.labels().currentEvents(datasetId),
                labeling::predictions, config.textReader(), config.uiThread(), this::openInLabeling);
        historyModel = new HistoryViewModel(opened.corpus().dataset().labels(),
                () -> workspace.labels().events(datasetId), texts::text, config.textReader(), config.uiThread(),
                this::openInLabeling);
        conflictsModel = new ConflictsViewModel(opened.corpus().dataset().labels(),
                () -> workspace.labels().events(datasetId), texts::text, labeling::filePosition,
                (reviewId, label) -> workspace.labels()
                .record(reviewId, LabelAction.LABEL, label, toolbarModel.annotatorProperty().get(), LabelSource.REVIEW),
                config.textReader(), config.uiThread(), this::openInLabeling);
        oracle = new OracleTimer(toolbarModel.oracleProperty(), toolbarModel.oracleSpeedProperty(),
                labeling::oracleStep);

        statusMessage.bind(retrain.messageProperty());
        teamRounds = !workspace.sharedStore() ? null : new TeamRoundWatch(() -> workspace.labels().rounds(datasetId),
                rounds, config.textReader(), config.uiThread(), this::roundFromTeam, Duration.seconds(10));
        retrain.onRound(outcome -> {
            if (teamRounds != null) {
                teamRounds.known(outcome.round().id());
            }
            settings.put(HOLDOUT + outcome.round().id(), Double.toString(outcome.holdoutAccuracy()));
            if (outcome.stopping().audit().labels() > 0) {
                settings.put(AUDIT + outcome.round().id(), Double.toString(outcome.stopping().audit().accuracy()));
            }
            labeling.applyRound(outcome);
            lane.fastRoundFinished(outcome);
            curve.add(outcome);
            roundRows.add(outcome);
            notifyRound(outcome);
            stoppingAdvice.set(outcome.stopping().advice());
            if (trainer.embedded() && !embeddingAnnounced) {
                embeddingAnnounced = true;
                embeddingStatus.set("Embeddings (" + config.embeddings().name() + "): in use since the retrain on "
                        + outcome.round().labels() + " labels");
            }
            afterRound.run();
        });
        labeling.currentProperty().addListener((obs, old, id) ->
                settings.put(CURRENT + datasetId, id == null ? null : Long.toString(id)));
        retrain.strategyProperty().addListener((obs, old, now) -> settings.put("strategy", now));
        retrain.batchSizeProperty().addListener((obs, old, now) -> settings.put("batch", now.toString()));
        toolbarModel.annotatorProperty().addListener(annotatorListener);

        lane.onRound(this::notifyTransformerRound);

        if (workspace.sharedStore()) {
            labeling.serveTeam(annotator -> new TeamQueue(opened.corpus(), order, workspace.labels(),
                    workspace.claims(), annotator), config.textReader(), config.uiThread());
        }
        labeling.start(workspace.sharedStore() ? null : settings.getLong(CURRENT + datasetId).orElse(null));
        if (teamRounds != null) {
            teamRounds.alsoEveryLook(labeling::checkTeam);
            teamRounds.start();
        }
        config.textReader().execute(() -> {
            var events = workspace.labels().events(datasetId);
            config.uiThread().execute(() -> labeling.startPace(events, java.time.Clock.systemDefaultZone()));
        });
        retrain.onRefit(labeling::applyRefit);
        retrain.prepare();
        if (config.embeddings() != null) {
            startEmbedding(workspace);
        } else {
            embeddingStatus.set("Embeddings: off (desktop.properties " + AppConfig.EMBEDDINGS_SETTING + "); the fast"
                    + " model uses the text's own features");
        }
    }

    /**
     * Embeds every text in the background, on the transformer's thread (its progress and Cancel are in
     * the status bar); the text's own features serve until every vector is there, then the next
     * retrain (started at once when it can) adds the embeddings block. Vectors already in the cache are
     * not embedded again, so a cancel or a restart resumes where it stopped.
     */
    private void startEmbedding(Workspace workspace) {
        var source = config.embeddings();
        embeddingStatus.set("Embeddings (" + source.name() + "): computing in the background; the text's own"
                + " features serve until every text has its vector");
        embedding = config.transformerExecutor().submit("Embedding texts", progress -> {
            java.util.List<String> texts = workspace.datasets().reviewTexts(datasetId, progress);
            return source.vectors(texts, new org.activelabeler.progress.TimeLeft(progress));
        }, vectors -> {
            embedding = null;
            trainer.useEmbeddings(vectors, source.parameters());
            embeddingStatus.set("Embeddings (" + source.name() + "): ready for " + vectors.length
                    + " texts; the next retrain uses them");
            if (labeling.classesLabeled() >= 2 && !retrain.runningProperty().get()) {
                retrain.retrainNow();
            }
        }, error -> {
            embedding = null;
            embeddingStatus.set(error instanceof org.activelabeler.progress.CancelledException
                    ? "Embeddings: cancelled; the vectors computed so far are kept, and embedding resumes when the"
                    + " dataset opens again"
                    : "Embeddings: " + ErrorMessages.describe(error) + "; the fast model goes on without them");
        });
    }

    /** The transformer's lane with the settings of the last session; the fast model alone unless chosen. */
    private TransformerLaneViewModel transformerLane(List<RoundRecord> rounds, Map<Long, Double> remembered) {
        Integer every = settings.get(TRANSFORMER_EVERY).isPresent() ? settings.getInt(TRANSFORMER_EVERY, 1) : null;
        TransformerLaneViewModel model = new TransformerLaneViewModel(config.transformerExecutor(), transformerTrainer,
                labeling, trainer::features, TwoSpeedSettings.forCpu(SEED), every, rounds.size());
        if (!rounds.isEmpty()) {
            RoundRecord last = rounds.get(rounds.size() - 1);
            Double holdout = remembered.get(last.id());
            model.fastFigure(rounds.size(), last.labels(), holdout != null ? holdout : last.validationAccuracy(),
                    holdout != null);
        }
        String strategy = settings.get(TRANSFORMER_STRATEGY, TwoSpeedSettings.ENTROPY);
        if (strategy.equals(TwoSpeedSettings.ENTROPY) || strategy.equals(BaldSampling.NAME)) {
            model.strategyProperty().set(strategy);
        }
        model.choiceProperty().set(ModelChoice.parse(settings.get(MODEL, ModelChoice.FAST.key())));
        model.choiceProperty().addListener((obs, old, now) -> settings.put(MODEL, now.key()));
        model.everyBatchesProperty().addListener((obs, old, now) -> settings.put(TRANSFORMER_EVERY, now.toString()));
        model.strategyProperty().addListener((obs, old, now) -> settings.put(TRANSFORMER_STRATEGY, now));
        return model;
    }

    LabelingViewModel labeling() {
        return labeling;
    }

    RetrainViewModel retrain() {
        return retrain;
    }

    TransformerLaneViewModel lane() {
        return lane;
    }

    /** The recent rounds, with their MLflow links. */
    RoundsViewModel rounds() {
        return roundRows;
    }

    ToolbarView toolbar() {
        return toolbar;
    }

    SplitPane content() {
        return content;
    }

    void attach(Scene target) {
        scene = target;
        shortcuts.install(target);
        labelingView.requestFocus();
    }

    private VBox sidePanel(LearningCurveViewModel curve, RoundsViewModel rounds) {
        CountsView counts = new CountsView(labeling, retrain.sinceRoundProperty(), retrain.batchSizeProperty());
        QueueView queue = new QueueView(labeling.upcoming(), id -> {
            labeling.open(id);
            labelingView.requestFocus();
        });
        javafx.scene.control.Label embeddingLabel = new javafx.scene.control.Label();
        embeddingLabel.setId("embedding-status");
        embeddingLabel.setWrapText(true);
        embeddingLabel.getStyleClass().add("caption");
        embeddingLabel.textProperty().bind(embeddingStatus);
        javafx.scene.control.Label stoppingLabel = new javafx.scene.control.Label();
        stoppingLabel.setId("stopping-advice");
        stoppingLabel.setWrapText(true);
        stoppingLabel.getStyleClass().add("caption");
        stoppingLabel.textProperty().bind(stoppingAdvice);
        // the advice wraps whole (the audit estimate comes last); the full texts are in tooltips too
        stoppingLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        stoppingLabel.setTooltip(boundTooltip(stoppingAdvice));
        embeddingLabel.setTooltip(boundTooltip(embeddingStatus));
        stoppingLabel.visibleProperty().bind(stoppingAdvice.isNotEmpty());
        stoppingLabel.managedProperty().bind(stoppingLabel.visibleProperty());
        TitledPane modelsPane = titled("Models", new VBox(6, new ModelsView(lane), embeddingLabel, stoppingLabel));
        TitledPane queuePane = titled("Up next", queue);
        // The curve and the rounds share one place, so that Up next keeps room for several rows at 800 px.
        javafx.scene.control.Tab curveTab = new javafx.scene.control.Tab("Learning curve", new LearningCurveView(curve));
        javafx.scene.control.Tab roundsTab = new javafx.scene.control.Tab("Rounds",
                new RoundsView(rounds.rows(), config.browser()));
        javafx.scene.control.TabPane history = new javafx.scene.control.TabPane(curveTab, roundsTab);
        history.setId("curve-and-rounds");
        history.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        history.setFocusTraversable(false);
        queuePane.setMinHeight(150);
        VBox.setVgrow(queuePane, Priority.ALWAYS);
        VBox side = new VBox(10, counts, modelsPane, queuePane, history);
        side.getStyleClass().add("side-panel");
        side.setPadding(new Insets(12));
        side.setMinWidth(340);
        return side;
    }

    private static javafx.scene.control.Tooltip boundTooltip(javafx.beans.value.ObservableValue<String> text) {
        javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip();
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        tooltip.textProperty().bind(text);
        return tooltip;
    }

    private static TitledPane titled(String title, javafx.scene.Node node) {
        TitledPane pane = new TitledPane(title, node);
        pane.setCollapsible(false);
        pane.setFocusTraversable(false);
        return pane;
    }

    /** The figures remembered for the rounds under the key prefix, by round id. */
    private Map<Long, Double> remembered(String prefix, List<RoundRecord> rounds) {
        Map<Long, Double> remembered = new HashMap<>();
        for (RoundRecord round : rounds) {
            settings.get(prefix + round.id()).ifPresent(value -> {
                try {
                    remembered.put(round.id(), Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    // an unreadable value is a missing point, not a failure
                }
            });
        }
        return remembered;
    }

    /** Says beside the text's title that a retrain finished; one message at a time, covering nothing. */
    private void notifyRound(RoundOutcome outcome) {
        double accuracy = outcome.curveAccuracy();
        labelingView.showNotice("Retrained on " + outcome.round().labels() + " labels"
                + (Double.isNaN(accuracy) ? "" : String.format(Locale.ROOT, ", accuracy %.1f%%", 100 * accuracy))
                + "; the queue is refreshed");
    }

    private void notifyTransformerRound(TransformerRoundOutcome outcome) {
        labelingView.showNotice("Transformer trained on " + outcome.result().labels() + " labels: "
                + outcome.handover().summary() + "; the queue: " + labeling.queueOwnerProperty().get().label());
    }

    /** A short message beside the text's title. */
    void notice(String message) {
        labelingView.showNotice(message);
    }

    /** Opens the Find window beside the labeling view (Ctrl+F). */
    void showFind() {
        findWindow.show(scene);
    }

    /** Shows a text in the labeling view, in front, with the keys on it (from Find or the history). */
    private void openInLabeling(long reviewId) {
        labeling.open(reviewId);
        if (scene != null && scene.getWindow() != null) {
            scene.getWindow().requestFocus();
        }
        labelingView.requestFocus();
    }

    /** Opens the label history beside the labeling view (Ctrl+Shift+H). */
    void showHistory() {
        historyWindow.show(scene);
    }

    /** A round another client of the team's database ran: its row, and a notice. */
    private void roundFromTeam(RoundRecord round) {
        roundRows.addFromTeam(round);
        notice("Another client retrained on " + round.labels() + " labels; its queue serves from your next texts");
    }

    /** Opens the team's agreement and disagreements beside the labeling view (Ctrl+Shift+D). */
    void showConflicts() {
        conflictsWindow.show(scene);
    }

    /** The disagreements window's state. */
    ConflictsViewModel conflicts() {
        return conflictsModel;
    }

    /** The label history's state, for tests. */
    HistoryViewModel history() {
        return historyModel;
    }

    /** The Find window's state, for tests. */
    FindViewModel find() {
        return findModel;
    }

    /** What the embeddings block is doing, for tests. */
    StringProperty embeddingStatus() {
        return embeddingStatus;
    }

    @Override
    public void close() {
        if (embedding != null) {
            embedding.cancel();
        }
        if (teamRounds != null) {
            teamRounds.stop();
        }
        conflictsWindow.close();
        oracle.stop();
        findWindow.close();
        historyWindow.close();
        toolbarModel.annotatorProperty().removeListener(annotatorListener);
        if (scene != null) {
            shortcuts.uninstall(scene);
        }
        retrain.cancel();
        lane.cancel();
        config.transformerExecutor().submit("Closing the transformer", progress -> {
            transformerTrainer.close();
            return null;
        }, done -> { }, error -> { });
        config.executor().submit("Closing the model", progress -> {
            trainer.close();
            runs.close();
            return null;
        }, done -> { }, error -> { });
    }

}
