package org.activelabeler.ui.transformer;

import org.activelabeler.round.TransformerRounds;
import org.activelabeler.round.TransformerRoundOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.activelabeler.progress.CancelledException;
import org.activelabeler.progress.Progress;
import org.activelabeler.twospeed.Handover;
import org.activelabeler.twospeed.QueueOwner;
import org.activelabeler.twospeed.TwoSpeedSettings;
import org.activelabeler.ui.ErrorMessages;
import org.activelabeler.ui.labeling.LabelingViewModel;
import org.activelabeler.round.PreparedFeatures;
import org.activelabeler.round.RoundOutcome;
import org.activelabeler.ui.task.TaskExecutor;
import org.activelabeler.ui.task.TaskHandle;

/**
 * The slow lane of the two-speed loop. With "Fast + transformer" chosen, every N-th finished fast
 * retrain starts a transformer round on the transformer's own executor, so fast retrains and
 * labeling go on meanwhile. A round where the transformer (or its ensemble with the fast model)
 * validates better than the fast model hands its ranking to the queue; a round where neither does, a
 * cancel or a failure gives the queue back to the fast model. Meanwhile a share of the queue is drawn
 * at random (the audit share), so that the models are judged on labels no ranking chose.
 * Changed on the UI thread only.
 */
public final class TransformerLaneViewModel {
    private final TaskExecutor executor;
    private final TransformerRounds trainer;
    private final LabelingViewModel labeling;
    private final Supplier<PreparedFeatures> features;
    private final List<Consumer<TransformerRoundOutcome>> roundListeners = new ArrayList<>();

    private final ObjectProperty<ModelChoice> choice = new SimpleObjectProperty<>(ModelChoice.FAST);
    private final IntegerProperty everyBatches = new SimpleIntegerProperty();
    private final StringProperty strategy = new SimpleStringProperty(TwoSpeedSettings.ENTROPY);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<Handover> handover = new SimpleObjectProperty<>();
    private final StringProperty outcomeText = new SimpleStringProperty("");
    private final StringProperty fastText = new SimpleStringProperty("not trained yet");
    private final StringBinding transformerText;
    private final StringBinding queueText;

    private final ObjectProperty<TwoSpeedSettings> defaults = new SimpleObjectProperty<>();
    private boolean defaultsKnown;
    private boolean probing;
    private boolean everyChosen;
    private boolean settingDefault;
    private RoundOutcome lastFast;
    private int fastRound;
    private int fastRoundsSince;
    private int rounds;
    private TaskHandle handle;
    private AtomicBoolean stop;

    /**
     * @param defaults the two-speed settings until the transformer's device is known (a CPU's)
     * @param chosenEvery batches between transformer rounds the annotator chose before, or null for the device's default
     * @param fastRounds fast retrains stored before this session
     */
    public TransformerLaneViewModel(TaskExecutor executor, TransformerRounds trainer, LabelingViewModel labeling,
                                    Supplier<PreparedFeatures> features, TwoSpeedSettings defaults,
                                    Integer chosenEvery, int fastRounds) {
        this.executor = executor;
        this.trainer = trainer;
        this.labeling = labeling;
        this.features = features;
        this.defaults.set(defaults);
        this.fastRound = fastRounds;
        this.everyChosen = chosenEvery != null;
        everyBatches.set(chosenEvery != null ? Math.max(1, chosenEvery) : defaults.everyBatches());
        everyBatches.addListener((obs, old, now) -> everyChosen |= !settingDefault);
        choice.addListener((obs, old, now) -> choiceChanged(now));
        var progress = executor.status().progressProperty();
        transformerText = Bindings.createStringBinding(this::describeTransformer, choice, running, progress,
                outcomeText, everyBatches, this.defaults);
        queueText = Bindings.createStringBinding(() -> "Queue: " + labeling.queueOwnerProperty().get().label(),
                labeling.queueOwnerProperty());
    }

    /** Hears each finished fast retrain: counts it, and starts a transformer round every N of them. */
    public void fastRoundFinished(RoundOutcome outcome) {
        lastFast = outcome;
        fastRound++;
        fastFigure(fastRound, outcome.round().labels(), outcome.curveAccuracy(), !Double.isNaN(outcome.holdoutAccuracy()));
        if (enabled()) {
            fastRoundsSince++;
            startWhenDue();
        }
    }

    /** The fast model's latest figure for the side panel: accuracy on the holdout, else its early-stopping validation. */
    public void fastFigure(int round, int labels, double accuracy, boolean holdout) {
        fastText.set(Double.isNaN(accuracy) ? String.format(Locale.ROOT, "round %d on %d labels", round, labels)
                : String.format(Locale.ROOT, "round %d on %d labels · %s accuracy %.1f%%", round, labels,
                        holdout ? "holdout" : "validation", 100 * accuracy));
    }

    /** Asks the running transformer round to stop; the fast model keeps serving. */
    public void cancel() {
        if (stop != null) {
            stop.set(true);
        }
        if (handle != null) {
            handle.cancel();
        }
    }

    public void onRound(Consumer<TransformerRoundOutcome> listener) {
        roundListeners.add(listener);
    }

    private boolean enabled() {
        return choice.get() == ModelChoice.TWO_SPEED;
    }

    private void choiceChanged(ModelChoice now) {
        fastRoundsSince = 0;
        if (now == ModelChoice.TWO_SPEED) {
            labeling.mixInAuditDraws(defaults.get().auditShare(), defaults.get().seed());
            learnDefaults();
        } else {
            cancel();
            labeling.serveFastRanking();
            labeling.stopAuditDraws();
        }
    }

    /** The device decides the defaults (a GPU may score the whole pool); learnt once, off the UI thread. */
    private void learnDefaults() {
        if (defaultsKnown || probing) {
            return;
        }
        probing = true;
        executor.submit("Checking the transformer's device", progress -> trainer.defaults(), found -> {
            probing = false;
            defaultsKnown = true;
            defaults.set(found);
            if (enabled()) {
                labeling.mixInAuditDraws(found.auditShare(), found.seed());
            }
            if (!everyChosen) {
                settingDefault = true;
                everyBatches.set(found.everyBatches());
                settingDefault = false;
            }
        }, error -> {
            probing = false;
            defaultsKnown = true;
        });
    }

    private void startWhenDue() {
        if (enabled() && !running.get() && lastFast != null && fastRoundsSince >= everyBatches.get()
                && lastFast.round().labels() >= defaults.get().minLabels() && features.get() != null) {
            startRound();
        }
    }

    private void startRound() {
        fastRoundsSince = 0;
        running.set(true);
        TransformerRounds.Request request = new TransformerRounds.Request(
                defaults.get().withEveryBatches(everyBatches.get()).withStrategy(strategy.get()), features.get(),
                lastFast.predictions(), fastRound);
        AtomicBoolean stopThis = new AtomicBoolean();
        stop = stopThis;
        handle = executor.submit("Transformer round", progress -> trainer.run(request, stoppable(progress, stopThis)),
                this::finished, this::failed);
    }

    /** Heeds {@link #cancel} even before the executor has handed back the task's handle. */
    private static Progress stoppable(Progress progress, AtomicBoolean stop) {
        return new Progress() {
            @Override
            public void update(String task, long done, long total) {
                progress.update(task, done, total);
            }

            @Override
            public boolean isCancelled() {
                return stop.get() || progress.isCancelled();
            }
        };
    }

    private void finished(TransformerRoundOutcome outcome) {
        handle = null;
        stop = null;
        running.set(false);
        if (!enabled()) {
            return;
        }
        rounds++;
        handover.set(outcome.handover());
        if (outcome.handover().owner() != QueueOwner.FAST && outcome.rankedRows().length > 0) {
            labeling.serveTransformerRanking(outcome.handover().owner(), outcome.rankedRows(), outcome.rankingScores(),
                    outcome.strategy(), rounds);
        } else {
            labeling.serveFastRanking();
        }
        outcomeText.set(describe(outcome));
        roundListeners.forEach(listener -> listener.accept(outcome));
        startWhenDue();
    }

    private void failed(Throwable error) {
        handle = null;
        stop = null;
        running.set(false);
        labeling.serveFastRanking();
        outcomeText.set((error instanceof CancelledException ? "round cancelled"
                : "round failed: " + ErrorMessages.describe(error)) + "; the fast model serves the queue");
        startWhenDue();
    }

    private String describe(TransformerRoundOutcome outcome) {
        var result = outcome.result();
        String text = String.format(Locale.ROOT, "round %d on %d labels · %s", rounds, result.labels(),
                outcome.handover().summary());
        if (!Double.isNaN(result.holdoutAccuracy())) {
            text += String.format(Locale.ROOT, " · holdout %.1f%% (fast model %.1f%%)", 100 * result.holdoutAccuracy(),
                    100 * result.fastHoldoutAccuracy());
        }
        return text;
    }

    private String describeTransformer() {
        if (!enabled()) {
            return "off (choose Fast + transformer in the toolbar)";
        }
        if (running.get()) {
            double progress = executor.status().progressProperty().get();
            return progress >= 0 ? String.format(Locale.ROOT, "training… %.0f%%", 100 * progress) : "training…";
        }
        if (!outcomeText.get().isEmpty()) {
            return outcomeText.get();
        }
        int minLabels = defaults.get().minLabels();
        int every = everyBatches.get();
        return "not trained yet: " + (every == 1 ? "after every batch" : "every " + every + " batches")
                + (minLabels > 0 ? ", from " + minLabels + " labels" : "");
    }

    public ObjectProperty<ModelChoice> choiceProperty() {
        return choice;
    }

    /** Fast retrains between transformer rounds. */
    public IntegerProperty everyBatchesProperty() {
        return everyBatches;
    }

    /** How the transformer ranks its candidates: {@code entropy} or {@code bald}. */
    public StringProperty strategyProperty() {
        return strategy;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** The latest finished round's judgement; null before the first. */
    public ReadOnlyObjectProperty<Handover> handoverProperty() {
        return handover;
    }

    /** "Queue: transformer", "Queue: fast model + transformer" or "Queue: fast model". */
    public StringBinding queueTextProperty() {
        return queueText;
    }

    public ReadOnlyStringProperty fastTextProperty() {
        return fastText;
    }

    /** How the transformer is doing: off, not trained yet, training… 45%, or its latest judgement. */
    public StringBinding transformerTextProperty() {
        return transformerText;
    }
}
