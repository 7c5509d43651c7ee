package org.activelabeler.ui.rounds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.activelabeler.labeling.RoundRecord;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.round.RoundOutcome;

/** The recent rounds, newest first. */
public final class RoundsViewModel {
    public static final int SHOWN = 50;
    private final ObservableList<RoundRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RoundRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<RunRef, Integer> numberOfRun = new HashMap<>();
    private final Map<RunRef, String> linkOfRun = new HashMap<>();
    private int count;

    public RoundsViewModel(boolean holdout, List<RoundRecord> rounds, Map<Long, Double> holdoutByRound) {
        for (RoundRecord round : rounds) {
            add(round, holdout ? holdoutByRound.getOrDefault(round.id(), Double.NaN) : round.validationAccuracy());
        }
    }

    public void add(RoundOutcome outcome) {
        add(outcome.round(), outcome.curveAccuracy(), outcome.run() == null ? null : linkOfRun.get(outcome.run()));
        if (outcome.run() != null) {
            numberOfRun.put(outcome.run(), count);
        }
    }

    /** A round another client of a team's database ran (its accuracy: the one the store keeps). */
    public void addFromTeam(RoundRecord round) {
        add(round, round.validationAccuracy());
    }

    /** The MLflow address of a round's run, once the server has it; before or after the round's row comes. */
    public void link(RunRef run, String link) {
        linkOfRun.put(run, link);
        Integer number = numberOfRun.get(run);
        if (number == null) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            RoundRow row = rows.get(i);
            if (row.number() == number) {
                rows.set(i, new RoundRow(row.number(), row.labels(), row.strategy(), row.accuracy(), row.millis(),
                        link));
            }
        }
    }

    /** The link of the newest round that has one. */
    public java.util.Optional<String> latestLink() {
        return rows.stream().map(RoundRow::mlflowLink).filter(java.util.Objects::nonNull).findFirst();
    }

    private void add(RoundRecord round, double accuracy) {
        add(round, accuracy, null);
    }

    private void add(RoundRecord round, double accuracy, String link) {
        count++;
        rows.add(0, new RoundRow(count, round.labels(), round.strategy(), accuracy,
                round.trainMillis() + round.scoreMillis(), link));
        if (rows.size() > SHOWN) {
            rows.remove(SHOWN, rows.size());
        }
    }

    public ObservableList<RoundRow> rows() {
        return readOnlyRows;
    }
}
