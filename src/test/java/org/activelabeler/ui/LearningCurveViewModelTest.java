package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.activelabeler.labeling.RoundRecord;
import org.activelabeler.ui.chart.LearningCurveViewModel;
import org.junit.jupiter.api.Test;

/** The chart's axes and summary, without a screen. */
class LearningCurveViewModelTest {

    @Test
    void fewPointsKeepReadableAxesFromZeroLabelsAndATenthBelowTheLowestAccuracy() {
        LearningCurveViewModel model = new LearningCurveViewModel(true, List.of(round(1, 20), round(2, 70)),
                Map.of(1L, 0.503, 2L, 0.515));

        assertThat(model.labelsUpperProperty().get()).isEqualTo(100);
        assertThat(model.accuracyLowerProperty().get()).isEqualTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.summaryProperty().get()).isEqualTo("51.5% at 70 labels");
    }

    @Test
    void theLabelsAxisEndsAtARoundNumberPastTheLastPoint() {
        LearningCurveViewModel model = new LearningCurveViewModel(true, List.of(round(1, 20), round(2, 1020)),
                Map.of(1L, 0.81, 2L, 0.92));

        assertThat(model.labelsUpperProperty().get()).isEqualTo(2000);
        assertThat(model.accuracyLowerProperty().get()).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void roundsWithoutAnAccuracySayWhyTheChartIsEmpty() {
        LearningCurveViewModel model = new LearningCurveViewModel(false, List.of(round(1, 20)), Map.of());

        assertThat(model.points()).isEmpty();
        assertThat(model.summaryProperty().get()).startsWith("1 round, no accuracy yet");
    }

    private static RoundRecord round(long id, int labels) {
        return new RoundRecord(id, 1, labels, "ngram-logistic", "entropy", Double.NaN, 10, 5, Instant.EPOCH);
    }
}
