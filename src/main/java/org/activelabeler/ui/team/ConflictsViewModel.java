package org.activelabeler.ui.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.dataset.ReviewText;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.team.TeamReport;

/**
 * The disagreements window's state: the team's agreement (Krippendorff's alpha over all, Cohen's kappa per
 * pair) and every review the people who labeled it disagree on, read on a background executor. A reviewer
 * settles one with the key of a class: that label is recorded as a reviewer's (source REVIEW), becomes the
 * review's current label, the one that trains, and the review leaves the list.
 */
public final class ConflictsViewModel {
    private static final int SNIPPET = 90;

    /** One disagreement as the list shows it; {@code position} is the text's place in its file, from 1. */
    public record Row(long reviewId, int position, String labels, String snippet) {
    }

    /** Records the reviewer's label of a review (durable when it returns). */
    @FunctionalInterface
    public interface Settle {
        void settle(long reviewId, int label);
    }

    private final LabelSet classes;
    private final Supplier<List<LabelEvent>> events;
    private final Function<Long, String> texts;
    private final Function<Long, Integer> positions;
    private final Settle settle;
    private final Executor background;
    private final Executor uiThread;
    private final Consumer<Long> open;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty agreement = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    /** @param positions a text's place in its file, from 1, by review id */
    public ConflictsViewModel(LabelSet classes, Supplier<List<LabelEvent>> events, Function<Long, String> texts,
                              Function<Long, Integer> positions, Settle settle, Executor background, Executor uiThread,
                              Consumer<Long> open) {
        this.classes = classes;
        this.events = events;
        this.texts = texts;
        this.positions = positions;
        this.settle = settle;
        this.background = background;
        this.uiThread = uiThread;
        this.open = open;
    }

    /** Reads the events again; the figures and the list change when they are read. */
    public void refresh() {
        status.set("Reading the labels...");
        background.execute(() -> {
            try {
                TeamReport report = TeamReport.of(events.get(), classes.size());
                List<Row> read = new ArrayList<>();
                report.conflicts().entrySet().stream()
                        .sorted(java.util.Comparator.comparing(conflict -> positions.apply(conflict.getKey())))
                        .forEach(conflict -> read.add(new Row(conflict.getKey(), positions.apply(conflict.getKey()),
                                TeamReport.describe(conflict.getValue(), classes, " · "),
                                ReviewText.oneLine(texts.apply(conflict.getKey()), SNIPPET))));
                String figures = figures(report);
                String said = read.isEmpty() ? "Nothing to settle" : read.size() + " to settle: select one and press the"
                        + " key of its class (1 to " + Math.min(9, classes.size()) + "); Enter opens the text";
                uiThread.execute(() -> {
                    rows.setAll(read);
                    agreement.set(figures);
                    status.set(said);
                });
            } catch (RuntimeException e) {
                uiThread.execute(() -> status.set("Cannot read the labels: " + e.getMessage()));
            }
        });
    }

    /** Settles {@code row} with class {@code label} (its index) and reads the list again. */
    public void settle(Row row, int label) {
        if (row == null || label < 0 || label >= classes.size()) {
            return;
        }
        status.set("Settling review " + row.reviewId() + " as " + classes.name(label) + "...");
        background.execute(() -> {
            try {
                settle.settle(row.reviewId(), label);
                uiThread.execute(this::refresh);
            } catch (RuntimeException e) {
                uiThread.execute(() -> status.set("Not settled: " + e.getMessage()));
            }
        });
    }

    public void open(Row row) {
        if (row != null) {
            open.accept(row.reviewId());
        }
    }

    private static String figures(TeamReport report) {
        List<String> lines = new ArrayList<>(List.of(report.agreementLine()));
        lines.addAll(report.kappaLines());
        return String.join("\n", lines);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty agreementProperty() {
        return agreement;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public LabelSet classes() {
        return classes;
    }
}
