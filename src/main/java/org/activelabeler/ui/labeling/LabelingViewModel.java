package org.activelabeler.ui.labeling;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.Sentiment;
import org.activelabeler.labeling.AuditDraws;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.labeling.LabelingSession;
import org.activelabeler.labeling.QueueEntry;
import org.activelabeler.twospeed.QueueOwner;
import org.activelabeler.twospeed.TransformerQueue;
import org.activelabeler.ui.retrain.RoundOutcome;

/**
 * The review on screen and what the annotator does with it. Each label, skip and undo is
 * committed to the database before the method returns; the next review comes from state held
 * here, so it shows at once. A new queue from a retrain never replaces the review being read.
 * In the two-speed loop the transformer's ranking serves ahead of the fast model's while it has open
 * reviews; then the fast model's serves again. There, a share of the reviews asked is drawn at random
 * (see {@link AuditDraws}), whichever ranking serves.
 */
public final class LabelingViewModel {
    public static final int QUEUE_SHOWN = 30;
    private static final int SNIPPET = 90;

    private final Corpus corpus;
    private final long[] askingOrder;
    private final LabelStore store;
    private final ReviewTexts texts;
    private final Map<Long, Integer> rowOf = new HashMap<>();
    private final Map<Long, Sentiment> labels;
    private final Set<Long> skipped;
    private final Deque<Undo> undoStack = new ArrayDeque<>();
    private final AuditDraws audits;
    private LabelingSession session;
    private final LabelingSession oracle;
    private List<QueueEntry> queue;
    private Map<Long, QueueEntry> queued = Map.of();
    private float[] scores;
    private int round;
    private List<QueueEntry> transformerQueue = List.of();
    private Map<Long, QueueEntry> transformerQueued = Map.of();
    private int transformerRound;
    private QueueOwner transformerOwner = QueueOwner.TRANSFORMER;

    private final ObjectProperty<Long> current = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<ModelView> modelView = new SimpleObjectProperty<>(ModelView.NONE);
    private final ObjectProperty<QueueOwner> queueOwner = new SimpleObjectProperty<>(QueueOwner.FAST);
    private final IntegerProperty labeled = new SimpleIntegerProperty();
    private final IntegerProperty positives = new SimpleIntegerProperty();
    private final IntegerProperty negatives = new SimpleIntegerProperty();
    private final IntegerProperty thisSession = new SimpleIntegerProperty();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final StringProperty feedback = new SimpleStringProperty("");
    private final ObservableList<QueueRow> upcoming = FXCollections.observableArrayList();
    private final ObservableList<QueueRow> readOnlyUpcoming = FXCollections.unmodifiableObservableList(upcoming);

    /**
     * @param askingOrder the order reviews are asked in where no retrain ranked them: the corpus's
     *     review ids in file order, or {@link #shuffled} for files sorted by class
     */
    public LabelingViewModel(OpenedDataset opened, long[] askingOrder, LabelStore store, ReviewTexts texts,
                             String annotator) {
        this.corpus = opened.corpus();
        this.askingOrder = askingOrder;
        if (askingOrder.length != corpus.size()) {
            throw new IllegalArgumentException("The asking order must hold every review once");
        }
        this.store = store;
        this.texts = texts;
        this.labels = new HashMap<>(opened.labels());
        this.skipped = new HashSet<>(opened.skipped());
        this.queue = opened.queue();
        this.round = opened.rounds().size();
        this.session = new LabelingSession(corpus, store, annotator);
        this.oracle = LabelingSession.oracle(corpus, store);
        this.audits = new AuditDraws(store, corpus.dataset().id(), corpus.reviewIds(), opened.auditDraws());
        for (int i = 0; i < corpus.size(); i++) {
            rowOf.put(corpus.reviewIds()[i], i);
        }
        indexQueue();
        recount();
    }

    /** Shows {@code reviewId} when it is still open (where the app was left), else the first in line. */
    public void start(Long reviewId) {
        if (reviewId != null && isOpen(reviewId)) {
            show(reviewId);
        } else {
            show(first().orElse(null));
        }
        refreshUpcoming();
    }

    public void label(Sentiment sentiment) {
        label(session, sentiment);
    }

    private void label(LabelingSession by, Sentiment sentiment) {
        Long id = current.get();
        if (id == null) {
            return;
        }
        Undo undo = new Undo(id, labels.get(id), skipped.contains(id), true, by);
        by.label(id, sentiment);
        undoStack.push(undo);
        labels.put(id, sentiment);
        skipped.remove(id);
        if (by == session) {
            thisSession.set(thisSession.get() + 1);
        }
        feedback.set((by == session ? "Labeled " : "The oracle labeled ") + sentiment.label() + ". Ctrl+Z undoes it.");
        advance();
    }

    public void skip() {
        Long id = current.get();
        if (id == null) {
            return;
        }
        Undo undo = new Undo(id, labels.get(id), skipped.contains(id), false, session);
        session.skip(id);
        undoStack.push(undo);
        labels.remove(id);
        skipped.add(id);
        feedback.set("Skipped. It comes back at the end; Ctrl+Z undoes it.");
        advance();
    }

    /**
     * Takes back the newest label or skip given here (the annotator's, or the simulated oracle's) and
     * shows that review again; with nothing given here yet, the annotator's newest in the store.
     */
    public void undo() {
        Undo newest = undoStack.peek();
        Optional<LabelEvent> event = (newest == null ? session : newest.by).undo();
        if (event.isEmpty()) {
            feedback.set("Nothing to undo.");
            canUndo.set(false);
            return;
        }
        long id = event.get().reviewId();
        Undo undo = undoStack.peek();
        if (undo != null && undo.reviewId == id) {
            undoStack.pop();
            restore(undo);
        } else {
            undoStack.clear();
            reloadFromStore();
        }
        feedback.set(event.get().action() == LabelAction.LABEL ? "Label undone." : "Skip undone.");
        recount();
        show(id);
        refreshUpcoming();
    }

    /** Takes the new queue of a finished retrain; the review on screen stays. */
    public void applyRound(RoundOutcome outcome) {
        queue = outcome.queue();
        scores = outcome.positiveProbability();
        round++;
        indexQueue();
        keepCurrentAndRefresh();
    }

    /**
     * Lets a transformer round's ranking serve the queue ahead of the fast model's, from its best
     * review that is neither labeled nor skipped; the review on screen stays.
     *
     * @param owner who ranked: the transformer, or its ensemble with the fast model
     * @param rankedRows corpus rows, most useful first
     * @param scores the strategy's score of each ranked row
     * @param number the transformer round, for the model's view
     */
    public void serveTransformerRanking(QueueOwner owner, int[] rankedRows, double[] scores, String strategy,
                                        int number) {
        if (owner == QueueOwner.FAST) {
            throw new IllegalArgumentException("The fast model's ranking comes with applyRound");
        }
        Map<Integer, Double> scoreOf = new HashMap<>();
        for (int i = 0; i < rankedRows.length; i++) {
            scoreOf.put(rankedRows[i], scores[i]);
        }
        long[] reviewIds = corpus.reviewIds();
        int[] open = new TransformerQueue(rankedRows).next(rankedRows.length,
                row -> labels.containsKey(reviewIds[row]) || skipped.contains(reviewIds[row]));
        List<QueueEntry> entries = new ArrayList<>(open.length);
        for (int row : open) {
            entries.add(new QueueEntry(reviewIds[row], entries.size() + 1, scoreOf.get(row), Double.NaN, strategy));
        }
        transformerQueue = List.copyOf(entries);
        transformerOwner = owner;
        transformerRound = number;
        indexTransformerQueue();
        keepCurrentAndRefresh();
    }

    /**
     * Mixes reviews drawn at random into {@code share} of the queue's slots, whichever model ranks
     * (the two-speed loop's audit share); the review on screen stays.
     */
    public void mixInAuditDraws(double share, long seed) {
        audits.mixIn(share, seed);
        keepCurrentAndRefresh();
    }

    /** The ranking alone serves the queue again; the review on screen stays. */
    public void stopAuditDraws() {
        audits.stop();
        keepCurrentAndRefresh();
    }

    /** Gives the queue back to the fast model's ranking; the review on screen stays. */
    public void serveFastRanking() {
        if (transformerQueue.isEmpty()) {
            return;
        }
        transformerQueue = List.of();
        indexTransformerQueue();
        keepCurrentAndRefresh();
    }

    private void keepCurrentAndRefresh() {
        Long id = current.get();
        if (id == null || !isOpen(id)) {
            show(first().orElse(null));
        } else {
            modelView.set(describe(id));
        }
        refreshUpcoming();
    }

    /** The annotator whose labels and undos come next. */
    public void changeAnnotator(String annotator) {
        if (annotator == null || annotator.isBlank() || annotator.strip().equals(session.annotator())) {
            return;
        }
        session = new LabelingSession(corpus, store, annotator);
        undoStack.clear();
        canUndo.set(false);
        thisSession.set(0);
    }

    /** The file's label of the review on screen, for the simulated oracle; empty when there is none. */
    public Optional<Sentiment> goldOfCurrent() {
        Long id = current.get();
        if (id == null) {
            return Optional.empty();
        }
        int gold = corpus.gold()[rowOf.get(id)];
        return gold < 0 ? Optional.empty() : Optional.of(Sentiment.ofIndex(gold));
    }

    /** Lets the file's label answer for the review on screen; false when it cannot. */
    public boolean oracleStep() {
        Optional<Sentiment> gold = goldOfCurrent();
        gold.ifPresent(label -> label(oracle, label));
        return gold.isPresent();
    }

    /**
     * The review ids in a fixed pseudo-random order: the same at every start, so that the review
     * on screen and the queue are the same after a restart, and a file sorted by class still shows
     * both classes before the first retrain.
     */
    public static long[] shuffled(long[] reviewIds, long seed) {
        long[] order = reviewIds.clone();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    public boolean hasGold() {
        for (int g : corpus.gold()) {
            if (g >= 0) {
                return true;
            }
        }
        return false;
    }

    public String annotator() {
        return session.annotator();
    }

    public ReadOnlyObjectProperty<Long> currentProperty() {
        return current;
    }

    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyObjectProperty<ModelView> modelViewProperty() {
        return modelView;
    }

    /** Whose ranking the next reviews come from: the fast model's, the transformer's or their ensemble's. */
    public ReadOnlyObjectProperty<QueueOwner> queueOwnerProperty() {
        return queueOwner;
    }

    public ReadOnlyIntegerProperty labeledProperty() {
        return labeled;
    }

    public ReadOnlyIntegerProperty positivesProperty() {
        return positives;
    }

    public ReadOnlyIntegerProperty negativesProperty() {
        return negatives;
    }

    public ReadOnlyIntegerProperty thisSessionProperty() {
        return thisSession;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyStringProperty feedbackProperty() {
        return feedback;
    }

    /** The reviews after the one on screen, best first. */
    public ObservableList<QueueRow> upcoming() {
        return readOnlyUpcoming;
    }

    public int reviewCount() {
        return corpus.size();
    }

    private void advance() {
        recount();
        canUndo.set(true);
        show(first().orElse(null));
        refreshUpcoming();
    }

    private void restore(Undo undo) {
        if (undo.previousLabel == null) {
            labels.remove(undo.reviewId);
        } else {
            labels.put(undo.reviewId, undo.previousLabel);
        }
        if (undo.wasSkipped) {
            skipped.add(undo.reviewId);
        } else {
            skipped.remove(undo.reviewId);
        }
        if (undo.label && undo.by == session) {
            thisSession.set(Math.max(0, thisSession.get() - 1));
        }
        canUndo.set(true);
    }

    private void reloadFromStore() {
        labels.clear();
        labels.putAll(session.labels());
        skipped.clear();
        skipped.addAll(store.skipped(corpus.dataset().id()));
        canUndo.set(true);
    }

    private Optional<Long> first() {
        return next(1).stream().findFirst();
    }

    /** The next reviews to ask: the serving ranking's, with audit draws at their slots while they are mixed in. */
    private List<Long> next(int limit) {
        return audits.next(limit, labels.size(), id -> !labels.containsKey(id) && !skipped.contains(id),
                n -> LabelingSession.order(serving(), askingOrder, labels.keySet(), skipped, n));
    }

    /** The transformer's open reviews first, then the fast model's. */
    private List<QueueEntry> serving() {
        if (transformerQueue.isEmpty()) {
            return queue;
        }
        List<QueueEntry> both = new ArrayList<>(transformerQueue.size() + queue.size());
        both.addAll(transformerQueue);
        both.addAll(queue);
        return both;
    }

    private boolean isOpen(long id) {
        return rowOf.containsKey(id) && !labels.containsKey(id);
    }

    private void show(Long id) {
        current.set(id);
        if (id == null) {
            title.set("All " + corpus.size() + " reviews are labeled");
            text.set("Every review of this dataset has a label. Undo (Ctrl+Z) brings the last one back.");
            modelView.set(ModelView.NONE);
            return;
        }
        text.set(texts.text(id));
        int row = rowOf.get(id);
        title.set("Review " + (row + 1) + " of " + corpus.size() + (skipped.contains(id) ? " (skipped before)" : ""));
        modelView.set(describe(id));
    }

    private ModelView describe(long id) {
        if (drawnAtRandom(id)) {
            return ModelView.drawnAtRandom(scores == null ? Double.NaN : scores[rowOf.get(id)]);
        }
        QueueEntry chosen = transformerQueued.get(id);
        if (chosen != null && !skipped.contains(id)) {
            return ModelView.chosenByTransformer(transformerOwner, chosen, transformerQueue.size(), transformerRound,
                    scores == null ? Double.NaN : scores[rowOf.get(id)]);
        }
        QueueEntry entry = queued.get(id);
        if (entry != null && !skipped.contains(id)) {
            return ModelView.queued(entry, queue.size(), round);
        }
        if (scores != null) {
            return ModelView.scored(scores[rowOf.get(id)], round, skipped.contains(id));
        }
        return ModelView.unscored(skipped.contains(id));
    }

    private void refreshUpcoming() {
        if (!transformerQueue.isEmpty() && transformerQueue.stream().noneMatch(e -> isOpen(e.reviewId())
                && !skipped.contains(e.reviewId()))) {
            // the transformer's ranking ran out: the fast model's serves again
            transformerQueue = List.of();
            indexTransformerQueue();
        }
        queueOwner.set(transformerQueue.isEmpty() ? QueueOwner.FAST : transformerOwner);
        List<Long> next = next(QUEUE_SHOWN + 1);
        List<QueueRow> rows = new ArrayList<>(QUEUE_SHOWN);
        for (long id : next) {
            if (current.get() != null && id == current.get() || rows.size() == QUEUE_SHOWN) {
                continue;
            }
            rows.add(row(id));
        }
        upcoming.setAll(rows);
        texts.prefetch(next);
    }

    private QueueRow row(long id) {
        boolean audit = drawnAtRandom(id);
        QueueEntry entry = audit ? null : transformerQueued.getOrDefault(id, queued.get(id));
        double p = entry != null && !Double.isNaN(entry.positiveProbability()) ? entry.positiveProbability()
                : scores != null ? scores[rowOf.get(id)] : Double.NaN;
        String snippet = texts.cached(id);
        if (snippet == null) {
            snippet = "";
        } else if (snippet.length() > SNIPPET) {
            snippet = snippet.substring(0, SNIPPET).replace('\n', ' ') + "…";
        } else {
            snippet = snippet.replace('\n', ' ');
        }
        return new QueueRow(id, entry == null ? 0 : entry.rank(), p, entry == null ? Double.NaN : entry.score(),
                snippet, audit);
    }

    private boolean drawnAtRandom(long id) {
        return audits.isDraw(id) && !skipped.contains(id);
    }

    private void indexQueue() {
        queued = byReview(queue);
    }

    private void indexTransformerQueue() {
        transformerQueued = byReview(transformerQueue);
    }

    private static Map<Long, QueueEntry> byReview(List<QueueEntry> entries) {
        Map<Long, QueueEntry> byId = new HashMap<>();
        for (QueueEntry entry : entries) {
            byId.put(entry.reviewId(), entry);
        }
        return byId;
    }

    private void recount() {
        int pos = 0;
        for (Sentiment s : labels.values()) {
            if (s == Sentiment.POSITIVE) {
                pos++;
            }
        }
        // Counts per class first: listeners of the total read them.
        positives.set(pos);
        negatives.set(labels.size() - pos);
        labeled.set(labels.size());
    }

    /** What an action changed, so that undo restores it without reading the database. */
    private record Undo(long reviewId, Sentiment previousLabel, boolean wasSkipped, boolean label,
                        LabelingSession by) {
    }
}
