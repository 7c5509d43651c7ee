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
 * reviews that have a file label but no annotator label yet; without, the audit estimate (the
 * model's accuracy on labels of texts drawn at random, before it learned them), else the
 * early-stopping validation accuracy, which exists only from 5,000 labels on.
 */
public final class LearningCurveViewModel {
    private final ObservableList<CurvePoint> points = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> readOnlyPoints = FXCollections.unmodifiableObservableList(points);
    private final StringProperty measure = new SimpleStringProperty();
    private final StringProperty summary = new SimpleStringProperty("No rounds yet");

    /**
     * @param rememberedByRound the accuracy remembered for earlier rounds, by round id: the holdout's
     *     with file labels, else the audit estimate's
     */
    public LearningCurveViewModel(boolean holdout, List<RoundRecord> rounds, Map<Long, Double> rememberedByRound) {
        measure.set(holdout ? "Holdout accuracy (unlabeled reviews with a file label)"
                : "Audit accuracy (texts drawn at random, judged before they were learned)");
        for (RoundRecord round : rounds) {
            double accuracy = rememberedByRound.getOrDefault(round.id(),
                    holdout ? Double.NaN : round.validationAccuracy());
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
