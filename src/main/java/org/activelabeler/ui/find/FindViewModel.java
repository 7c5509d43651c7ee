package org.activelabeler.ui.find;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelSource;
import org.activelabeler.model.Predictions;
import org.activelabeler.search.SearchHit;
import org.activelabeler.search.SearchQuery;
import org.activelabeler.search.TextSearch;

/**
 * The Find window's state: the query and its filters, the hits, and what a search said. A search runs
 * on a background executor (the texts of a large dataset are read once, the first time) and its hits
 * come back on the UI thread; opening a hit shows it in the labeling view.
 */
public final class FindViewModel {
    /** Hits shown at most; the count says how many matched. */
    public static final int SHOWN = 500;
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("MM-dd HH:mm").withZone(java.time.ZoneId.systemDefault());

    /** A choice of the label filter. */
    public record LabelChoice(String name, int value) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A choice of the source filter; null source for any. */
    public record SourceChoice(String name, LabelSource source) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One hit as the list shows it. */
    public record Row(long reviewId, String label, String who, String model, String snippet) {
    }

    private final LabelSet labels;
    private final Supplier<TextSearch> search;
    private final Supplier<Map<Long, LabelEvent>> currentLabels;
    private final Supplier<Predictions> predictions;
    private final Executor background;
    private final Executor uiThread;
    private final Consumer<Long> open;
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty();
    private final ObjectProperty<LabelChoice> label = new SimpleObjectProperty<>();
    private final StringProperty annotator = new SimpleStringProperty("");
    private final ObjectProperty<SourceChoice> source = new SimpleObjectProperty<>();
    private final BooleanProperty disagreeing = new SimpleBooleanProperty();
    private final BooleanProperty uncertainFirst = new SimpleBooleanProperty();
    private final BooleanProperty newestFirst = new SimpleBooleanProperty();
    private final BooleanProperty searching = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("Words (all must appear) or a regular expression;"
            + " Enter searches");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final List<LabelChoice> labelChoices;
    private final List<SourceChoice> sourceChoices = List.of(new SourceChoice("any source", null),
            new SourceChoice("people", LabelSource.HUMAN), new SourceChoice("simulated oracle", LabelSource.ORACLE));

    /**
     * @param search the dataset's texts, made on first use (on the background executor)
     * @param currentLabels the event behind each current label, read at each search (background)
     * @param predictions the latest model's predictions, or null before a retrain (read on the UI thread)
     * @param open shows a text in the labeling view
     */
    public FindViewModel(LabelSet labels, Supplier<TextSearch> search, Supplier<Map<Long, LabelEvent>> currentLabels,
                         Supplier<Predictions> predictions, Executor background, Executor uiThread, Consumer<Long> open) {
        this.labels = labels;
        this.search = memoized(search);
        this.currentLabels = currentLabels;
        this.predictions = predictions;
        this.background = background;
        this.uiThread = uiThread;
        this.open = open;
        List<LabelChoice> choices = new java.util.ArrayList<>(List.of(new LabelChoice("any label", SearchQuery.ANY_LABEL),
                new LabelChoice("unlabeled", SearchQuery.UNLABELED), new LabelChoice("labeled", SearchQuery.LABELED)));
        for (int c = 0; c < labels.size(); c++) {
            choices.add(new LabelChoice("labeled " + labels.name(c), c));
        }
        labelChoices = List.copyOf(choices);
        label.set(labelChoices.get(0));
        source.set(sourceChoices.get(0));
    }

    /** Runs the query; the hits replace the list when the search is done. */
    public void search() {
        SearchQuery request = new SearchQuery(query.get(), regex.get(), label.get().value(),
                annotator.get().isBlank() ? null : annotator.get().strip(), source.get().source(), disagreeing.get(),
                uncertainFirst.get(), newestFirst.get());
        Predictions latest = predictions.get();
        searching.set(true);
        status.set("Searching...");
        background.execute(() -> {
            try {
                TextSearch texts = search.get();
                TextSearch.Result result = texts.run(request, currentLabels.get(), latest, SHOWN);
                List<Row> found = result.hits().stream().map(this::row).toList();
                uiThread.execute(() -> done(found, result.matched() + " of " + texts.size() + " texts match"
                        + (result.matched() > SHOWN ? "; the first " + SHOWN + " are listed" : "")
                        + (found.isEmpty() ? "" : ". Enter or a double click opens one")));
            } catch (IllegalArgumentException e) {
                uiThread.execute(() -> done(List.of(), e.getMessage()));
            } catch (RuntimeException e) {
                uiThread.execute(() -> done(List.of(), "The search failed: " + e.getMessage()));
            }
        });
    }

    /** Shows the text of a hit in the labeling view. */
    public void open(Row row) {
        if (row != null) {
            open.accept(row.reviewId());
        }
    }

    private void done(List<Row> found, String message) {
        rows.setAll(found);
        status.set(message);
        searching.set(false);
    }

    private Row row(SearchHit hit) {
        String labelText = hit.label() < 0 ? "unlabeled" : labels.name(hit.label());
        String who = hit.annotator() == null ? "" : hit.annotator() + (hit.labeledAt() == null ? ""
                : " " + WHEN.format(hit.labeledAt()));
        String model = hit.predicted() < 0 ? "" : String.format(Locale.ROOT, "model: %s %.2f",
                labels.name(hit.predicted()), hit.confidence());
        return new Row(hit.reviewId(), labelText, who, model, hit.snippet());
    }

    private static Supplier<TextSearch> memoized(Supplier<TextSearch> make) {
        TextSearch[] made = new TextSearch[1];
        return () -> {
            synchronized (made) {
                if (made[0] == null) {
                    made[0] = make.get();
                }
                return made[0];
            }
        };
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public ObjectProperty<LabelChoice> labelProperty() {
        return label;
    }

    public List<LabelChoice> labelChoices() {
        return labelChoices;
    }

    public StringProperty annotatorProperty() {
        return annotator;
    }

    public ObjectProperty<SourceChoice> sourceProperty() {
        return source;
    }

    public List<SourceChoice> sourceChoices() {
        return sourceChoices;
    }

    public BooleanProperty disagreeingProperty() {
        return disagreeing;
    }

    public BooleanProperty uncertainFirstProperty() {
        return uncertainFirst;
    }

    /** The newest labels first: the history of the current labels, with who gave each and when. */
    public BooleanProperty newestFirstProperty() {
        return newestFirst;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
