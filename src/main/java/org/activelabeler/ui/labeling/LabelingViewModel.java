package org.activelabeler.ui.labeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.activelabeler.team.TeamQueue;
import java.util.OptionalInt;
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
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.explain.HighlightedWords;
import org.activelabeler.explain.TokenPulls;
import org.activelabeler.explain.WordPull;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.labeling.LabelStore;
import org.activelabeler.labeling.LabelingSession;
import org.activelabeler.labeling.LabelingPace;
import org.activelabeler.round.FastRounds;
import org.activelabeler.round.RoundOutcome;
import org.activelabeler.text.TextTokenizer;
import org.activelabeler.twospeed.QueueOwner;

/**
 * The text on screen and what the annotator does with it. Each label, skip and undo is committed
 * to the database before the method returns ({@link Answers}); the next text comes from state held
 * here ({@link ServingOrder}), so it shows at once. A new queue from a retrain never replaces the
 * text being read.
 */
public final class LabelingViewModel {
    public static final int QUEUE_SHOWN = 30;
    private static final int SNIPPET = 90;
    /** How many words of a text are highlighted at most. */
    static final int HIGHLIGHTED_WORDS = 12;
    /** The texts next in line whose highlighted words are worked out ahead. */
    private static final int MARKS_AHEAD = 3;

    private final Corpus corpus;
    private final LabelStore store;
    private final LabelSet labelSet;
    private final ReviewTexts texts;
    private final Map<Long, Integer> rowOf;
    private final Answers answers;
    private final ServingOrder order;
    private final LabelingSession oracle;
    private LabelingSession session;

    private final ObjectProperty<Long> current = new SimpleObjectProperty<>();
    private TeamServing team;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<ModelView> modelView;
    private final ObjectProperty<QueueOwner> queueOwner = new SimpleObjectProperty<>(QueueOwner.FAST);
    private final IntegerProperty labeled = new SimpleIntegerProperty();
    private final List<IntegerProperty> perClass = new ArrayList<>();
    private final IntegerProperty thisSession = new SimpleIntegerProperty();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final StringProperty feedback = new SimpleStringProperty("");
    private final StringProperty pace = new SimpleStringProperty("");
    private LabelingPace todaysPace = new LabelingPace(List.of());
    private java.time.Clock clock = java.time.Clock.systemDefaultZone();
    private final BooleanProperty highlighting = new SimpleBooleanProperty(true);
    private final ObjectProperty<List<WordPull>> highlights = new SimpleObjectProperty<>(List.of());
    private TextTokenizer tokenizer;
    private final WordMarks marks;
    private final ObservableList<QueueRow> upcoming = FXCollections.observableArrayList();
    private final ObservableList<QueueRow> readOnlyUpcoming = FXCollections.unmodifiableObservableList(upcoming);

    /**
     * @param askingOrder the order texts are asked in where no retrain ranked them: the corpus's
     *     review ids in file order, or {@link #shuffled} for files sorted by class
     */
    public LabelingViewModel(OpenedDataset opened, long[] askingOrder, LabelStore store, ReviewTexts texts,
                             String annotator) {
        this.corpus = opened.corpus();
        if (askingOrder.length != corpus.size()) {
            throw new IllegalArgumentException("The asking order must hold every text once");
        }
        this.store = store;
        this.labelSet = corpus.dataset().labels();
        this.texts = texts;
        this.marks = new WordMarks(texts);
        this.rowOf = opened.rowOf();
        this.answers = new Answers(store, corpus.dataset().id(), opened.labels(), opened.skipped());
        this.order = new ServingOrder(opened, askingOrder, rowOf, store);
        this.session = new LabelingSession(corpus, store, annotator);
        this.oracle = LabelingSession.oracle(corpus, store);
        this.modelView = new SimpleObjectProperty<>(ModelView.none(labelSet));
        for (int c = 0; c < labelSet.size(); c++) {
            perClass.add(new SimpleIntegerProperty());
        }
        recount();
        highlighting.addListener((obs, old, now) -> updateHighlights());
    }

    /**
     * Lets each retrain's model show the words of the text on screen that pulled its prediction most
     * (its TF-IDF block), read with the tokenizer the dataset's token ids came from.
     */
    public void highlightWordsWith(TextTokenizer textTokenizer) {
        this.tokenizer = textTokenizer;
    }

    /** Whether the strongest words are highlighted; on by default. */
    public BooleanProperty highlightingProperty() {
        return highlighting;
    }

    /** The words of the text on screen to highlight, in the order of the text; empty without a model. */
    public ReadOnlyObjectProperty<List<WordPull>> highlightsProperty() {
        return highlights;
    }

    private void updateHighlights() {
        Long id = current.get();
        if (!highlighting.get() || !marks.active() || id == null || modelView.get().top() < 0) {
            highlights.set(List.of());
            return;
        }
        List<WordPull> known = marks.cached(id);
        highlights.set(known == null ? List.of() : known);
        if (known == null) {
            marks.prefetch(List.of(id), this::explainedClass, this::marksReady);
        }
    }

    /** The class whose words are highlighted: the model's most likely one, or -1 before a model. */
    private int explainedClass(long reviewId) {
        return order.describe(reviewId, answers.isSkipped(reviewId)).top();
    }

    private void marksReady(long reviewId, List<WordPull> words) {
        if (highlighting.get() && current.get() != null && current.get() == reviewId) {
            highlights.set(words);
        }
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

    /**
     * Shows {@code reviewId} now (a row of Up next, a search result), labeled or not; the text that was
     * on screen stays in line. Labeling a labeled text again changes its label (a new event; the old
     * one stays in the history).
     *
     * @return false when the dataset has no such text
     */
    public boolean open(long reviewId) {
        if (!rowOf.containsKey(reviewId)) {
            return false;
        }
        show(reviewId);
        refreshUpcoming();
        Integer label = answers.labels().get(reviewId);
        feedback.set(label == null ? "Opened text #" + filePosition(reviewId) + "."
                : "Opened text #" + filePosition(reviewId) + ", labeled " + labelSet.name(label)
                + "; a key changes its label, Delete removes it.");
        return true;
    }

    /** Labels the text on screen with class {@code klass} of the label set. */
    public void label(int klass) {
        label(session, klass);
    }

    private void label(LabelingSession by, int klass) {
        Long id = current.get();
        if (id == null || klass < 0 || klass >= labelSet.size()) {
            return;
        }
        answers.label(by, id, klass);
        if (by == session) {
            thisSession.set(thisSession.get() + 1);
            todaysPace.add(clock.instant());
            pace.set(todaysPace.describe());
        }
        feedback.set((by == session ? "Labeled " : "The oracle labeled ") + labelSet.name(klass) + ". Ctrl+Z undoes it.");
        advance();
    }

    public void skip() {
        Long id = current.get();
        if (id == null) {
            return;
        }
        if (answers.isLabeled(id) && (team == null || !team.hidesLabel(id))) {
            feedback.set("This text has a label: a key changes it, Delete removes it.");
            return;
        }
        answers.skip(session, id);
        feedback.set("Skipped. It comes back at the end; Ctrl+Z undoes it.");
        advance();
    }

    /**
     * Takes the label of the text on screen away (Delete); it stays on screen, unlabeled, and Ctrl+Z gives
     * the label back. The removal is an event of its own: the label before it stays in the history.
     */
    public void removeLabel() {
        Long id = current.get();
        if (id == null || !answers.isLabeled(id)) {
            feedback.set("This text has no label to remove.");
            return;
        }
        int label = answers.labels().get(id);
        answers.remove(session, id);
        canUndo.set(true);
        recount();
        show(id);
        refreshUpcoming();
        feedback.set("Removed the label '" + labelSet.name(label) + "' of text #" + filePosition(id)
                + ". Ctrl+Z undoes it.");
    }

    /**
     * Takes back the newest label or skip given here (the annotator's, or the simulated oracle's) and
     * shows that text again; with nothing given here yet, the annotator's newest in the store.
     */
    public void undo() {
        Optional<Answers.Undone> undone = answers.undo(session);
        if (undone.isEmpty()) {
            feedback.set("Nothing to undo.");
            canUndo.set(false);
            return;
        }
        var event = undone.get().event();
        if (undone.get().ownLabel()) {
            thisSession.set(Math.max(0, thisSession.get() - 1));
        }
        canUndo.set(true);
        long id = event.reviewId();
        feedback.set(switch (event.action()) {
            case LABEL -> "Undid the label '" + labelSet.name(event.label()) + "' of text #" + filePosition(id) + ".";
            case SKIP -> "Undid the skip of text #" + filePosition(id) + ".";
            case REMOVE -> "Undid the removal of the label of text #" + filePosition(id) + ".";
        });
        recount();
        show(id);
        refreshUpcoming();
    }

    /** Takes the new queue of a finished retrain; the text on screen stays. */
    public void applyRound(RoundOutcome outcome) {
        order.applyFastRound(outcome.queue(), outcome.predictions());
        useModelsWords(outcome.pulls());
        keepCurrentAndRefresh();
    }

    /** The new model's words to highlight, none without its TF-IDF pulls or a tokenizer. */
    private void useModelsWords(TokenPulls pulls) {
        marks.use(pulls == null || tokenizer == null ? null : new HighlightedWords(tokenizer, pulls));
    }

    /**
     * Takes the probabilities of the model fitted again when the dataset reopened (no new round): the
     * model's view and the highlighted words come back, the queue and the text on screen stay.
     */
    public void applyRefit(FastRounds.Refit refit) {
        if (order.predictions() != null) {
            return;
        }
        order.applyScores(refit.predictions());
        useModelsWords(refit.pulls());
        keepCurrentAndRefresh();
    }

    /**
     * Lets a transformer round's ranking serve the queue ahead of the fast model's, from its best
     * text that is neither labeled nor skipped; the text on screen stays.
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
        order.serveTransformer(owner, rankedRows, scores, strategy, number, answers);
        keepCurrentAndRefresh();
    }

    /**
     * Mixes texts drawn at random into {@code share} of the queue's slots, whichever model ranks
     * (the two-speed loop's audit share); the text on screen stays.
     */
    public void mixInAuditDraws(double share, long seed) {
        order.mixInAuditDraws(share, seed);
        keepCurrentAndRefresh();
    }

    /**
     * Mixes texts drawn at random into {@code share} of the slots while the fast model serves alone, for
     * the audit estimate of its accuracy (the window's audit share, 0 for none); the text on screen stays.
     */
    public void mixInFastAuditDraws(double share, long seed) {
        order.mixInFastAuditDraws(share, seed);
        keepCurrentAndRefresh();
    }

    /** The two-speed loop's draws end: the fast model's audit share, if any, serves again; the text on screen stays. */
    public void stopAuditDraws() {
        order.stopAuditDraws();
        keepCurrentAndRefresh();
    }

    /** Gives the queue back to the fast model's ranking; the text on screen stays. */
    public void serveFastRanking() {
        if (order.serveFast()) {
            keepCurrentAndRefresh();
        }
    }

    private void keepCurrentAndRefresh() {
        Long id = current.get();
        if (id == null || !isOpen(id)) {
            show(first().orElse(null));
        } else {
            modelView.set(order.describe(id, answers.isSkipped(id)));
            updateHighlights();
        }
        refreshUpcoming();
    }

    /**
     * Starts today's pace from the labels this annotator gave earlier today (read from the store in the
     * background); the labels given here are added as they come.
     *
     * @param events the dataset's events, oldest first
     */
    public void startPace(List<org.activelabeler.labeling.LabelEvent> events, java.time.Clock now) {
        clock = now;
        java.time.LocalDate today = java.time.LocalDate.now(now);
        todaysPace = new LabelingPace(events.stream()
                .filter(e -> e.action() == LabelAction.LABEL && e.annotator().equals(session.annotator())
                        && e.source() == org.activelabeler.labeling.LabelSource.HUMAN
                        && e.createdAt().atZone(now.getZone()).toLocalDate().equals(today))
                .map(org.activelabeler.labeling.LabelEvent::createdAt).toList());
        pace.set(todaysPace.describe());
    }

    /** {@code Today: 42 labels in 18 min, 140 an hour}, for this annotator. */
    public ReadOnlyStringProperty paceProperty() {
        return pace;
    }

    /** The annotator whose labels and undos come next. */
    public void changeAnnotator(String annotator) {
        if (annotator == null || annotator.isBlank() || annotator.strip().equals(session.annotator())) {
            return;
        }
        session = new LabelingSession(corpus, store, annotator);
        answers.forgetUndo();
        canUndo.set(false);
        thisSession.set(0);
        todaysPace = new LabelingPace(List.of());
        pace.set("");
        if (team != null) {
            team.changeAnnotator(session.annotator());
        }
    }

    /** The file's label of the text on screen, for the simulated oracle; empty when there is none. */
    public OptionalInt goldOfCurrent() {
        Long id = current.get();
        if (id == null) {
            return OptionalInt.empty();
        }
        int gold = corpus.gold()[rowOf.get(id)];
        return gold < 0 ? OptionalInt.empty() : OptionalInt.of(gold);
    }

    /** Lets the file's label answer for the text on screen; false when it cannot. */
    public boolean oracleStep() {
        OptionalInt gold = goldOfCurrent();
        gold.ifPresent(label -> label(oracle, label));
        return gold.isPresent();
    }

    /**
     * The review ids in a fixed pseudo-random order: the same at every start, so that the text on
     * screen and the queue are the same after a restart, and a file sorted by class still shows
     * every class before the first retrain.
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

    /** The latest fast round's prediction for every text (corpus order), or null before a retrain. */
    public org.activelabeler.model.Predictions predictions() {
        return order.predictions();
    }

    /** The dataset's classes, in key order. */
    public LabelSet labelSet() {
        return labelSet;
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

    /** Whose ranking the next texts come from: the fast model's, the transformer's or their ensemble's. */
    public ReadOnlyObjectProperty<QueueOwner> queueOwnerProperty() {
        return queueOwner;
    }

    public ReadOnlyIntegerProperty labeledProperty() {
        return labeled;
    }

    /** How many texts have class {@code klass} now. */
    public ReadOnlyIntegerProperty countProperty(int klass) {
        return perClass.get(klass);
    }

    /** How many classes have at least one label: a retrain needs two. */
    public int classesLabeled() {
        return (int) perClass.stream().filter(count -> count.get() > 0).count();
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

    /** The texts after the one on screen, best first. */
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

    private Optional<Long> first() {
        return nextTexts(1).stream().findFirst();
    }

    /** The next texts: the serving order's, or, with a team, those claimed for this annotator. */
    private List<Long> nextTexts(int limit) {
        return team == null ? order.next(limit, answers) : team.next(limit);
    }

    /**
     * Serves only texts claimed for this annotator on the team's shared database, claiming batches on
     * {@code background}; the first batch shows when it comes.
     */
    public void serveTeam(Function<String, TeamQueue> queues, Executor background, Executor uiThread) {
        team = new TeamServing(queues, session.annotator(), answers, background, uiThread, this::teamBatchCame);
        team.claimMore();
    }

    /** On a team's database: asks for texts again when few are left (called every few seconds by the window). */
    public void checkTeam() {
        if (team != null) {
            team.next(1);
        }
    }

    private void teamBatchCame() {
        Long id = current.get();
        if (id == null || !isOpen(id) && !team.hidesLabel(id)) {
            show(first().orElse(null));
        }
        refreshUpcoming();
    }

    private boolean isOpen(long id) {
        return rowOf.containsKey(id) && !answers.isLabeled(id);
    }

    /** The text's place in the file, from 1, or null for a text not in this dataset; any thread may ask. */
    public Integer filePosition(long id) {
        Integer row = rowOf.get(id);
        return row == null ? null : row + 1;
    }

    private void show(Long id) {
        current.set(id);
        if (id == null && team == null) {
            showNothing("All " + corpus.size() + " texts are labeled",
                    "Every text of this dataset has a label. Undo (Ctrl+Z) brings the last one back.");
        } else if (id == null && (!team.ready() || team.problem() != null)) {
            showNothing(team.problem() == null ? "Asking the team database for texts..."
                    : "No texts from the team database", team.problem() == null
                    ? "Texts nobody else is working on come here in a moment." : team.problem());
        } else if (id == null) {
            showNothing("Nothing left for you", "Every text is labeled or held by another annotator of the team."
                    + " Held texts come back when their claim ends, if nobody labels them.");
        }
        if (id == null) {
            return;
        }
        text.set(texts.text(id));
        Integer label = team != null && team.hidesLabel(id) ? null : answers.labels().get(id);
        title.set("Text #" + filePosition(id) + " in the file"
                + (label != null ? " (labeled " + labelSet.name(label) + ")"
                : answers.isSkipped(id) ? " (skipped before)" : ""));
        modelView.set(order.describe(id, answers.isSkipped(id)));
        updateHighlights();
    }

    private void showNothing(String heading, String body) {
        title.set(heading);
        text.set(body);
        modelView.set(ModelView.none(labelSet));
        highlights.set(List.of());
    }

    private void refreshUpcoming() {
        queueOwner.set(order.owner(answers));
        List<Long> next = nextTexts(QUEUE_SHOWN + 1);
        List<QueueRow> rows = new ArrayList<>(QUEUE_SHOWN);
        for (long id : next) {
            if (current.get() != null && id == current.get() || rows.size() == QUEUE_SHOWN) {
                continue;
            }
            rows.add(order.row(id, answers.isSkipped(id), snippet(id)));
        }
        upcoming.setAll(rows);
        // Rows of texts not read yet show their text as soon as the reader has it.
        texts.prefetch(next, this::fillSnippets);
        if (highlighting.get()) {
            marks.prefetch(next.subList(0, Math.min(next.size(), MARKS_AHEAD)), this::explainedClass, this::marksReady);
        }
    }

    private void fillSnippets() {
        List<QueueRow> rows = new ArrayList<>(upcoming.size());
        boolean changed = false;
        for (QueueRow row : upcoming) {
            if (row.snippet().isEmpty() && texts.cached(row.reviewId()) != null) {
                rows.add(order.row(row.reviewId(), answers.isSkipped(row.reviewId()), snippet(row.reviewId())));
                changed = true;
            } else {
                rows.add(row);
            }
        }
        if (changed) {
            upcoming.setAll(rows);
        }
    }

    private String snippet(long id) {
        String snippet = texts.cached(id);
        if (snippet == null) {
            return "";
        }
        return (snippet.length() > SNIPPET ? snippet.substring(0, SNIPPET) + "…" : snippet).replace('\n', ' ');
    }

    private void recount() {
        int[] counts = new int[labelSet.size()];
        for (int label : answers.labels().values()) {
            counts[label]++;
        }
        // Counts per class first: listeners of the total read them.
        for (int c = 0; c < counts.length; c++) {
            perClass.get(c).set(counts[c]);
        }
        labeled.set(answers.labels().size());
    }
}
