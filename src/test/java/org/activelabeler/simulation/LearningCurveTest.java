package org.activelabeler.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activelabeler.model.TrainingReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningCurveTest {

    private static RoundResult round(int round, int labels, double accuracy, double macroF1) {
        return new RoundResult(round, labels, accuracy, macroF1, 10L * round, round == 3 ? 0 : 2,
                Double.NaN, Double.NaN, new TrainingReport(List.of(0.5), 1, 0, Double.NaN, 10L * round),
                org.activelabeler.evaluation.ClassMetrics.of(new int[][] {{1, 0}, {0, 1}}));
    }

    private static LearningCurve threeRounds() {
        LearningCurve curve = new LearningCurve();
        curve.add(round(1, 10, 0.6, 0.55));
        curve.add(round(2, 20, 0.7, 0.65));
        curve.add(round(3, 40, 0.9, 0.85));
        return curve;
    }

    @Test
    void normalisedAreaIsTheTrapezoidalMeanAccuracy() {
        // (10 * (0.6 + 0.7) / 2 + 20 * (0.7 + 0.9) / 2) / (40 - 10) = (6.5 + 16) / 30
        assertThat(threeRounds().normalisedArea()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aSingleRoundGivesItsAccuracy() {
        LearningCurve curve = new LearningCurve();
        curve.add(round(1, 10, 0.62, 0.6));

        assertThat(curve.normalisedArea()).isEqualTo(0.62);
    }

    @Test
    void csvHasTheHeaderAndOneLinePerRound() {
        String csv = threeRounds().toCsv();

        assertThat(csv.split("\n", -1)).containsExactly(
                "round,labels,accuracy,macro_f1,train_ms,score_ms",
                "1,10,0.600000,0.550000,10,2",
                "2,20,0.700000,0.650000,20,2",
                "3,40,0.900000,0.850000,30,0",
                "");
        assertThat(LearningCurve.CSV_HEADER).isEqualTo("round,labels,accuracy,macro_f1,train_ms,score_ms");
    }

    @Test
    void writesTheCsvFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out/curve.csv");

        threeRounds().writeCsv(file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("round,labels,accuracy,macro_f1,train_ms,score_ms");
        assertThat(Files.readString(file)).isEqualTo(threeRounds().toCsv());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }
}
