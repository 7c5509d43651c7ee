package org.activelabeler.ui.history;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.dataset.ReviewText;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelHistory;

/**
 * The label history window's state: every event of the dataset, newest first, filtered by annotator,
 * action and class, read on a background executor; opening one shows its text in the labeling view,
 * where a key changes the label, Delete removes it and Ctrl+Z undoes either.
 */
public final class HistoryViewModel {
    /** Events listed at most; the status says how many matched. */
    public static final int SHOWN = 500;
    private static final int SNIPPET = 80;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** A choice of a filter: its name and value (null, or -1, for any). */
    public record Choice<T>(String name, T value) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One event as the list shows it. */
    public record Row(long reviewId, String when, String who, String what, String status, String snippet) {
    }

    private final LabelSet labels;
    private final Supplier<List<LabelEvent>> events;
    private final Function<Long, String> texts;
    private final Executor background;
    private final Executor uiThread;
    private final Consumer<Long> open;
    private final StringProperty annotator = new SimpleStringProperty("");
    private final ObjectProperty<Choice<LabelAction>> action = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice<Integer>> label = new SimpleObjectProperty<>();
    private final BooleanProperty withUndone = new SimpleBooleanProperty(true);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final List<Choice<LabelAction>> actionChoices = List.of(new Choice<>("any action", null),
            new Choice<>("labels", LabelAction.LABEL), new Choice<>("skips", LabelAction.SKIP),
            new Choice<>("removals", LabelAction.REMOVE));
    private final List<Choice<Integer>> labelChoices;

    /**
     * @param events every event of the dataset, oldest first (read on the background executor)
     * @param texts the readable text of a review (read on the background executor)
     * @param open shows a text in the labeling view
     */
    public HistoryViewModel(LabelSet labels, Supplier<List<LabelEvent>> events, Function<Long, String> texts,
                            Executor background, Executor uiThread, Consumer<Long> open) {
        this.labels = labels;
        this.events = events;
        this.texts = texts;
        this.background = background;
        this.uiThread = uiThread;
        this.open = open;
        List<Choice<Integer>> classes = new ArrayList<>(List.of(new Choice<>("any class", -1)));
        for (int c = 0; c < labels.size(); c++) {
            classes.add(new Choice<>(labels.name(c), c));
        }
        labelChoices = List.copyOf(classes);
        action.set(actionChoices.get(0));
        label.set(labelChoices.get(0));
    }

    /** Reads the history again with the filters; the rows replace the list when it is read. */
    public void refresh() {
        LabelHistory.Filter filter = new LabelHistory.Filter(annotator.get().isBlank() ? null : annotator.get().strip(),
                action.get().value(), label.get().value(), withUndone.get());
        status.set("Reading the history...");
        background.execute(() -> {
            try {
                LabelHistory.Page page = LabelHistory.newestFirst(events.get(), filter, SHOWN);
                List<Row> read = page.entries().stream().map(this::row).toList();
                String said = page.matched() + " of " + page.total() + " events"
                        + (page.matched() > SHOWN ? "; the newest " + SHOWN + " are listed" : "")
                        + (read.isEmpty() ? "" : ". Enter opens the text: a key changes its label, Delete removes"
                        + " it, Ctrl+Z undoes");
                uiThread.execute(() -> {
                    rows.setAll(read);
                    status.set(said);
                });
            } catch (RuntimeException e) {
                uiThread.execute(() -> status.set("Cannot read the history: " + e.getMessage()));
            }
        });
    }

    public void open(Row row) {
        if (row != null) {
            open.accept(row.reviewId());
        }
    }

    private Row row(LabelHistory.Entry entry) {
        LabelEvent event = entry.event();
        String what = switch (event.action()) {
            case LABEL -> "labeled " + labels.name(event.label());
            case SKIP -> "skipped";
            case REMOVE -> "removed the label";
        };
        String state = switch (entry.status()) {
            case CURRENT -> "now";
            case REPLACED -> "changed later";
            case UNDONE -> "undone " + WHEN.format(event.undoneAt());
        };
        return new Row(event.reviewId(), WHEN.format(event.createdAt()), event.annotator(), what, state,
                ReviewText.oneLine(texts.apply(event.reviewId()), SNIPPET));
    }

    public StringProperty annotatorProperty() {
        return annotator;
    }

    public ObjectProperty<Choice<LabelAction>> actionProperty() {
        return action;
    }

    public List<Choice<LabelAction>> actionChoices() {
        return actionChoices;
    }

    public ObjectProperty<Choice<Integer>> labelProperty() {
        return label;
    }

    public List<Choice<Integer>> labelChoices() {
        return labelChoices;
    }

    public BooleanProperty withUndoneProperty() {
        return withUndone;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
