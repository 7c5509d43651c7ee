package org.activelabeler.ui.chart;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
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
    private final DoubleProperty labelsUpper = new SimpleDoubleProperty(MIN_LABELS_SHOWN);
    private final DoubleProperty accuracyLower = new SimpleDoubleProperty(0.5);
    private int rounds;
    /** The labels axis shows at least this many, so that a first point does not fill the axis alone. */
    static final int MIN_LABELS_SHOWN = 100;

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
        rounds++;
        if (Double.isNaN(accuracy)) {
            if (points.isEmpty()) {
                summary.set(rounds + (rounds == 1 ? " round" : " rounds") + ", no accuracy yet: it needs audit"
                        + " labels (texts drawn at random) or file labels");
            }
            return;
        }
        points.add(new CurvePoint(labels, accuracy));
        summary.set(String.format(java.util.Locale.ROOT, "%.1f%% at %d labels", 100 * accuracy, labels));
        labelsUpper.set(niceUpper(points.stream().mapToInt(CurvePoint::labels).max().orElse(0)));
        double lowest = points.stream().mapToDouble(CurvePoint::accuracy).min().orElse(1);
        accuracyLower.set(Math.max(0, Math.floor((lowest - 0.02) * 10) / 10));
    }

    /** From 0 to a round number a little past the most labels: 100, 200, 250, 500, 1000, ... */
    static double niceUpper(int labels) {
        double wanted = Math.max(MIN_LABELS_SHOWN, labels * 1.05);
        double magnitude = Math.pow(10, Math.floor(Math.log10(wanted)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= wanted) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** The labels axis runs from 0 to this. */
    public ReadOnlyDoubleProperty labelsUpperProperty() {
        return labelsUpper;
    }

    /** The accuracy axis runs from this (a tenth below the lowest point) to 1. */
    public ReadOnlyDoubleProperty accuracyLowerProperty() {
        return accuracyLower;
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
