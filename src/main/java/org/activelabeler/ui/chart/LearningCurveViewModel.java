package org.activelabeler.ui.chart;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.activelabeler.labeling.RoundRecord;
import org.activelabeler.round.RoundOutcome;

/**
 * Accuracy against labels, one point per round. With file labels it is the accuracy on the
 * reviews that have a file label but no annotator label yet; without, the early-stopping
 * validation accuracy, which exists only from 5,000 labels on (the chart stays empty before).
 */
public final class LearningCurveViewModel {
    private final ObservableList<CurvePoint> points = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> readOnlyPoints = FXCollections.unmodifiableObservableList(points);
    private final StringProperty measure = new SimpleStringProperty();
    private final StringProperty summary = new SimpleStringProperty("No rounds yet");

    /** @param holdoutByRound the holdout accuracy remembered for earlier rounds, by round id */
    public LearningCurveViewModel(boolean holdout, List<RoundRecord> rounds, Map<Long, Double> holdoutByRound) {
        measure.set(holdout ? "Holdout accuracy (unlabeled reviews with a file label)"
                : "Validation accuracy (early stopping, from 5,000 labels)");
        for (RoundRecord round : rounds) {
            double accuracy = holdout ? holdoutByRound.getOrDefault(round.id(), Double.NaN) : round.validationAccuracy();
            add(round.labels(), accuracy);
        }
    }

    public void add(RoundOutcome outcome) {
        add(outcome.round().labels(), outcome.curveAccuracy());
    }

    private void add(int labels, double accuracy) {
        if (Double.isNaN(accuracy)) {
            return;
        }
        points.add(new CurvePoint(labels, accuracy));
        summary.set(String.format(java.util.Locale.ROOT, "%.1f%% at %d labels", 100 * accuracy, labels));
    }

    public ObservableList<CurvePoint> points() {
        return readOnlyPoints;
    }

    public ReadOnlyStringProperty measureProperty() {
        return measure;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }
}
