package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activelabeler.modelpackage.ModelWriter;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.simulation.RoundResult;
import org.activelabeler.simulation.TransformerRoundResult;
import org.activelabeler.testsupport.FakeTextClassifier;
import org.activelabeler.tracking.ArtifactFile;
import org.activelabeler.tracking.ExperimentTracker;
import org.activelabeler.tracking.LabelingTracking;
import org.activelabeler.tracking.MetricPoint;
import org.activelabeler.tracking.ModelRegistration;
import org.activelabeler.tracking.RunContext;
import org.activelabeler.tracking.RunData;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.tracking.RunStart;
import org.activelabeler.tracking.TrackingEvent;
import org.activelabeler.twospeed.Handover;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GUI transformer round becomes a child run of the labeling session with its own registered model. */
class GuiTransformerTrackingTest {
    @TempDir
    Path dir;
    private final List<TrackingEvent> events = new ArrayList<>();

    @Test
    void aTransformerRoundIsAChildRunOfTheSessionAndAVersionOfTheTransformersModel() {
        LabelingTracking tracking = new LabelingTracking(recorder(), new RunContext("reviews", "imdb-sentiment",
                "label-alice", Map.of("model", "ngram-logistic"), Map.of("annotator", "alice"), List.of(),
                dir.resolve("staging"), null, org.activelabeler.dataset.LabelSet.SENTIMENT));
        tracking.round(ModelWriter.selfContained(new FakeClassifier()::save), new RoundResult(1, 40, Double.NaN, Double.NaN, 5, 1, 0.6, 0.69,
                new TrainingReport(List.of(0.5), 1, 0, Double.NaN, 5), null), "row,label\n", Map.of());

        RunRef child = tracking.transformerRound(new FakeTextClassifier(), new TransformerRoundResult(1, 40,
                Handover.judge(0.7, 0.8, 0.75, 10), Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, null,
                new TrainingReport(List.of(0.4, 0.2), 2, 0, Double.NaN, 7), 7, 3, 0, 30, 12), "row,label\n");

        assertThat(events).filteredOn(e -> e instanceof RunStart start && start.parent() == null).hasSize(1);
        RunStart start = events.stream().filter(e -> e instanceof RunStart s && s.run().equals(child))
                .map(RunStart.class::cast).findFirst().orElseThrow();
        assertThat(start.parent()).isEqualTo(tracking.parent());
        assertThat(start.tags()).containsEntry("device", "CPU").containsEntry("encoder", "fake-encoder")
                .containsEntry("encoder.sha256", "ab".repeat(32)).containsEntry("annotator", "alice");
        assertThat(start.params()).containsEntry("model", "fake-transformer").containsEntry("labels", "40")
                .containsEntry("transformer_train_labels", "30");
        assertThat(events).filteredOn(e -> e instanceof ModelRegistration r && r.run().equals(child))
                .extracting(e -> ((ModelRegistration) e).modelName()).containsExactly("imdb-sentiment-transformer");
        List<RunData> data = events.stream().filter(e -> e instanceof RunData d && d.run().equals(child))
                .map(RunData.class::cast).toList();
        assertThat(data).flatExtracting(RunData::artifacts).extracting(ArtifactFile::artifactPath)
                .contains("model/model.safetensors", "label_snapshot.csv");
        assertThat(data).flatExtracting(RunData::metrics).extracting(MetricPoint::key)
                .contains("validation_accuracy_transformer", "validation_accuracy_fast", "serves_queue")
                .doesNotContain("holdout_accuracy", "holdout_accuracy_fast_same_reviews");
    }

    private ExperimentTracker recorder() {
        return new ExperimentTracker() {
            @Override
            public void record(TrackingEvent event) {
                events.add(event);
            }

            @Override
            public int waiting() {
                return 0;
            }

            @Override
            public void close() {
            }
        };
    }
}
