package org.activelabeler.ui.retrain;

import org.activelabeler.round.FastRounds;
import org.activelabeler.round.RoundOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableIntegerValue;
import org.activelabeler.progress.CancelledException;
import org.activelabeler.strategy.QueryStrategies;
import org.activelabeler.ui.ErrorMessages;
import org.activelabeler.ui.task.TaskExecutor;
import org.activelabeler.ui.task.TaskHandle;

/**
 * When the model retrains: after every {@code batchSize} new labels, or on demand. Retrains run
 * one at a time on the background executor; labeling goes on meanwhile, and a batch completed
 * during a retrain starts the next one when it ends.
 */
public final class RetrainViewModel {
    public static final int DEFAULT_BATCH = 20;
    public static final int MIN_BATCH = 2;
    public static final int MAX_BATCH = 1000;

    private final TaskExecutor executor;
    private final FastRounds trainer;
    private final ObservableIntegerValue labeled;
    private final IntSupplier classesLabeled;
    private final List<Consumer<RoundOutcome>> roundListeners = new ArrayList<>();
    private final List<Consumer<FastRounds.Refit>> refitted = new ArrayList<>();

    private final StringProperty strategy = new SimpleStringProperty(QueryStrategies.DEFAULT);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(DEFAULT_BATCH);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final IntegerProperty roundLabels = new SimpleIntegerProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final IntegerBinding sinceRound;
    private TaskHandle handle;

    public RetrainViewModel(TaskExecutor executor, FastRounds trainer, ObservableIntegerValue labeled,
                            IntSupplier classesLabeled, int lastRoundLabels) {
        this.executor = executor;
        this.trainer = trainer;
        this.labeled = labeled;
        this.classesLabeled = classesLabeled;
        this.roundLabels.set(lastRoundLabels);
        this.sinceRound = Bindings.createIntegerBinding(() -> Math.max(0, labeled.get() - roundLabels.get()),
                labeled, roundLabels);
        labeled.addListener((obs, old, now) -> startWhenBatchIsFull());
        batchSize.addListener((obs, old, now) -> startWhenBatchIsFull());
    }

    /** A batch size from the settings within what the toolbar offers ({@value #MIN_BATCH}-{@value #MAX_BATCH}). */
    public static int batchWithinRange(int batch) {
        return Math.max(MIN_BATCH, Math.min(MAX_BATCH, batch));
    }

    /** Learns the dataset's features in the background; retrains wait for it. */
    public void prepare() {
        running.set(true);
        message.set("Learning features...");
        boolean reopened = roundLabels.get() > 0;
        executor.submit("Learning features", progress -> {
            trainer.prepare(progress);
            return reopened ? trainer.refit(progress) : null;
        }, refit -> {
            running.set(false);
            ready.set(true);
            message.set("Model " + trainer.modelName() + " ready");
            if (refit != null) {
                refitted.forEach(listener -> listener.accept(refit));
            }
            startWhenBatchIsFull();
        }, error -> {
            running.set(false);
            message.set(ErrorMessages.describe(error));
        });
    }

    /** Retrains now unless one is running; needs a positive and a negative label. */
    public void retrainNow() {
        if (running.get()) {
            message.set("A retrain is running; the next starts when it ends.");
            return;
        }
        if (classesLabeled.getAsInt() < 2) {
            message.set("Label texts of at least two classes first.");
            return;
        }
        start();
    }

    public void cancel() {
        if (handle != null) {
            handle.cancel();
        }
    }

    /**
     * Called on the UI thread when a reopened dataset's model is fitted again on its labels, before any
     * new round (see {@link FastRounds#refit}).
     */
    public void onRefit(Consumer<FastRounds.Refit> listener) {
        refitted.add(listener);
    }

    public void onRound(Consumer<RoundOutcome> listener) {
        roundListeners.add(listener);
    }

    private void startWhenBatchIsFull() {
        if (ready.get() && !running.get() && sinceRound.get() >= batchSize.get() && classesLabeled.getAsInt() >= 2) {
            start();
        }
    }

    private void start() {
        running.set(true);
        String chosen = strategy.get();
        int batch = batchSize.get();
        message.set("Retraining on " + labeled.get() + " labels...");
        handle = executor.submit("Retraining", progress -> trainer.retrain(chosen, batch, progress), outcome -> {
            handle = null;
            running.set(false);
            ready.set(true);
            roundLabels.set(outcome.round().labels());
            message.set("Retrained on " + outcome.round().labels() + " labels in "
                    + (outcome.round().trainMillis() + outcome.round().scoreMillis()) + " ms; the queue is refreshed");
            roundListeners.forEach(listener -> listener.accept(outcome));
            startWhenBatchIsFull();
        }, error -> {
            handle = null;
            running.set(false);
            message.set(error instanceof CancelledException ? "Retrain cancelled" : ErrorMessages.describe(error));
        });
    }

    public StringProperty strategyProperty() {
        return strategy;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready;
    }

    /** Labels since the last round: the k of "k of B". */
    public IntegerBinding sinceRoundProperty() {
        return sinceRound;
    }

    public ReadOnlyIntegerProperty roundLabelsProperty() {
        return roundLabels;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
