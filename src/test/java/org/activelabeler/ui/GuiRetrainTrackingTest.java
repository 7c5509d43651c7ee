package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.activelabeler.app.TrackingSession;
import org.activelabeler.modelpackage.ModelPackage;
import org.activelabeler.app.Workspace;
import org.activelabeler.model.ClassifierSettings;
import org.activelabeler.testsupport.MlflowArtifacts;
import org.activelabeler.testsupport.MlflowIntegration;
import org.activelabeler.testsupport.MlflowTestServer;
import org.activelabeler.training.djl.NgramLogisticClassifier;
import org.activelabeler.ui.labeling.LabelingViewModel;
import org.activelabeler.ui.labeling.OpenedDataset;
import org.activelabeler.ui.labeling.ReviewTexts;
import org.activelabeler.round.FastRounds;
import org.activelabeler.ui.retrain.RetrainViewModel;
import org.activelabeler.ui.rounds.RoundRow;
import org.activelabeler.ui.rounds.RoundsViewModel;
import org.activelabeler.ui.task.CallingThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;

/** A retrain in the desktop app's wiring (test executor, real model) becomes runs on a real MLflow server. */
@MlflowIntegration
class GuiRetrainTrackingTest {
    @TempDir
    Path dir;

    @Test
    void aRetrainIsAChildRunOfTheLabelingSessionWithMetricsAndTheModel(MlflowTestServer server) throws Exception {
        RoundsViewModel rounds = new RoundsViewModel(true, List.of(), Map.of());
        String dataset;
        try (Workspace workspace = Workspace.open(dir.resolve("db"))) {
            long datasetId = UiFixture.importInto(workspace, UiFixture.writeCsv(dir.resolve("gui-reviews.csv"), 40))
                    .id();
            OpenedDataset opened = UiFixture.open(workspace, datasetId);
            dataset = opened.corpus().dataset().name();
            long[] ids = opened.corpus().reviewIds();
            int[] bobs = {1, 0, 0, 0};
            for (int i = 0; i < bobs.length; i++) {
                workspace.labels().record(ids[i], org.activelabeler.labeling.LabelAction.LABEL, bobs[i], "bob",
                        org.activelabeler.labeling.LabelSource.HUMAN);
            }
            TrackingSession session = TrackingSession.open(workspace, server.uri(), Map.of());
            session.onRunLink((run, link) -> {
                synchronized (rounds) {
                    rounds.link(run, link);
                }
            });
            LabelingRuns runs = new LabelingRuns(() -> session, opened.corpus().dataset(), () -> "alice", 13,
                    new ModelPackage(workspace.tokenizer(), opened.corpus().dataset().labels(), "test",
                            dir.resolve("parts")));
            LabelingViewModel labeling = new LabelingViewModel(opened, opened.corpus().reviewIds(),
                    workspace.labels(), new ReviewTexts(workspace.datasets(), Runnable::run), "alice");
            labeling.start(null);
            FastRounds trainer = new FastRounds(opened.corpus(), workspace.labels(), features ->
                    new NgramLogisticClassifier(ClassifierSettings.builder().optMaxEpochs(5).build(), features),
                    "test-tokenizer", 10, 13, runs);
            RetrainViewModel retrain = new RetrainViewModel(new CallingThreadExecutor(), trainer,
                    labeling.labeledProperty(), labeling::classesLabeled, 0);
            retrain.batchSizeProperty().set(4);
            retrain.onRound(outcome -> {
                synchronized (rounds) {
                    rounds.add(outcome);
                }
            });
            retrain.prepare();
            try (session) {
                labeling.label(1);
                labeling.label(0);
                labeling.label(1);
                labeling.label(0);
                assertThat(rounds.rows()).hasSize(1);
                trainer.close();
                runs.close();
            }
            assertThat(session.waiting()).isZero();
        }
        synchronized (rounds) {
            assertThat(rounds.rows()).extracting(RoundRow::mlflowLink).singleElement().asString()
                    .startsWith(server.uri() + "/#/experiments/").contains("/runs/");
        }

        try (MlflowClient client = new MlflowClient(server.uri())) {
            String experimentId = client.getExperimentByName(dataset).orElseThrow().getExperimentId();
            List<Run> all = client.searchRuns(List.of(experimentId), "").stream()
                    .map(info -> client.getRun(info.getRunId())).toList();
            assertThat(all).hasSize(2);
            Run parent = all.stream().filter(r -> tag(r, "mlflow.parentRunId") == null).findFirst().orElseThrow();
            Run child = all.stream().filter(r -> r != parent).findFirst().orElseThrow();
            assertThat(tag(child, "mlflow.parentRunId")).isEqualTo(parent.getInfo().getRunId());
            assertThat(parent.getInfo().getStatus().name()).isEqualTo("FINISHED");
            assertThat(tag(parent, "annotator")).isEqualTo("alice");
            assertThat(tag(child, "dataset.sha256")).matches("[0-9a-f]{64}");
            assertThat(tag(child, "label_snapshot.sha256")).matches("[0-9a-f]{64}");
            assertThat(tag(child, "djl.version")).isNotBlank();
            assertThat(tag(child, "device")).isEqualTo("CPU");
            Map<String, String> params = child.getData().getParamsList().stream()
                    .collect(Collectors.toMap(p -> p.getKey(), p -> p.getValue()));
            assertThat(params).containsEntry("strategy", "entropy").containsEntry("batch_size", "4")
                    .as("bob and alice disagree on the third text, which waits for a settlement")
                    .containsEntry("labels", "3").containsEntry("seed", "13")
                    .containsEntry("tokenizer", "test-tokenizer").containsKeys("learning_rate", "l2");
            String childId = child.getInfo().getRunId();
            assertThat(client.getMetricHistory(childId, "holdout_accuracy")).extracting(Metric::getStep)
                    .containsExactly(3L);
            assertThat(client.getMetricHistory(childId, "holdout_macro_f1")).isNotEmpty();
            assertThat(client.getMetricHistory(childId, "pool_entropy_mean")).isNotEmpty();
            assertThat(client.getMetricHistory(childId, "train_ms")).isNotEmpty();
            assertThat(client.getMetricHistory(childId, "train_loss")).isNotEmpty();
            assertThat(client.getMetricHistory(childId, "agreement_reviews")).as("alice and bob on the first four")
                    .extracting(Metric::getValue).containsExactly(4.0);
            assertThat(client.getMetricHistory(childId, "agreement_alpha")).singleElement()
                    .satisfies(m -> assertThat(m.getValue()).isBetween(-1.0, 1.0));
            assertThat(client.getMetricHistory(childId, "agreement_kappa.alice_bob")).isNotEmpty();
            assertThat(client.getMetricHistory(childId, "agreement_unsettled")).extracting(Metric::getValue)
                    .containsExactly(1.0);
            assertThat(artifacts(client, childId, "model")).contains("model/MLmodel", "model/active_labeler.json",
                    "model/model.safetensors");
            assertThat(artifacts(client, childId, "")).contains("label_snapshot.csv");
            assertThat(client.searchModelVersions("name = '" + org.activelabeler.tracking.ModelNames.forDataset(dataset) + "'").getItems())
                    .isNotEmpty();
        }
    }

    private static List<String> artifacts(MlflowClient client, String runId, String path) {
        return MlflowArtifacts.list(client, runId, path);
    }

    private static String tag(Run run, String key) {
        return run.getData().getTagsList().stream().filter(t -> t.getKey().equals(key)).map(RunTag::getValue)
                .findFirst().orElse(null);
    }
}
