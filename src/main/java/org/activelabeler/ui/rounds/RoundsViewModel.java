package org.activelabeler.ui.rounds;

import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.activelabeler.labeling.RoundRecord;
import org.activelabeler.ui.retrain.RoundOutcome;

/** The recent rounds, newest first. */
public final class RoundsViewModel {
    public static final int SHOWN = 50;
    private final ObservableList<RoundRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RoundRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private int count;

    public RoundsViewModel(boolean holdout, List<RoundRecord> rounds, Map<Long, Double> holdoutByRound) {
        for (RoundRecord round : rounds) {
            add(round, holdout ? holdoutByRound.getOrDefault(round.id(), Double.NaN) : round.validationAccuracy());
        }
    }

    public void add(RoundOutcome outcome) {
        add(outcome.round(), outcome.curveAccuracy());
    }

    private void add(RoundRecord round, double accuracy) {
        count++;
        rows.add(0, new RoundRow(count, round.labels(), round.strategy(), accuracy,
                round.trainMillis() + round.scoreMillis(), null));
        if (rows.size() > SHOWN) {
            rows.remove(SHOWN, rows.size());
        }
    }

    public ObservableList<RoundRow> rows() {
        return readOnlyRows;
    }
}
