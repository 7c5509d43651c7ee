package org.activelabeler.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.activelabeler.testsupport.MlflowIntegration;
import org.activelabeler.testsupport.MlflowTestServer;
import org.activelabeler.tracking.RunEnd;
import org.activelabeler.tracking.RunRef;
import org.activelabeler.tracking.RunStart;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;

/**
 * A run opened by someone else ({@code mlflow run}, via {@code MLFLOW_RUN_ID}) becomes the parent
 * run: no second run is made, its params are kept, and ours that clash go under a prefix.
 */
@MlflowIntegration
class AdoptedRunTest {

    @Test
    void logsIntoTheExistingRunAndNestsChildRunsUnderIt(MlflowTestServer server) {
        try (MlflowClient client = new MlflowClient(server.uri())) {
            String experimentId = client.createExperiment("exp-adopt");
            RunInfo existing = client.createRun(CreateRun.newBuilder().setExperimentId(experimentId).build());
            client.logParam(existing.getRunId(), "seed", "5");
            client.logParam(existing.getRunId(), "holdout", "");

            RunRef parent = new RunRef("exp-adopt", "parent-key");
            RunRef child = new RunRef("exp-adopt", "child-key");
            try (MlflowTrackingSink sink = new MlflowTrackingSink(MlflowEndpoint.of(server.uri(), Map.of()))) {
                assertThat(sink.experimentOfRun(existing.getRunId())).isEqualTo("exp-adopt");
                sink.send(new RunStart(parent, null, "simulate", 1, Map.of("seed", "5", "holdout", "10% of the pool",
                        "strategy", "entropy"), Map.of("device", "CPU"), List.of(), existing.getRunId()));
                sink.send(new RunStart(child, parent, "round-1", 2, Map.of("seed", "5"), Map.of(), List.of(), null));
            }
            // a later process (outbox sent by `sync`) finds the adopted run again by its key
            try (MlflowTrackingSink sink = new MlflowTrackingSink(MlflowEndpoint.of(server.uri(), Map.of()))) {
                sink.send(new RunStart(parent, null, "simulate", 1, Map.of("seed", "5"), Map.of(), List.of(),
                        existing.getRunId()));
                sink.send(new RunEnd(child, RunEnd.FINISHED, 3));
                sink.send(new RunEnd(parent, RunEnd.FINISHED, 4));
            }

            List<RunInfo> runs = client.searchRuns(List.of(experimentId), "");
            assertThat(runs).hasSize(2);
            Run adopted = client.getRun(existing.getRunId());
            assertThat(adopted.getInfo().getStatus().name()).isEqualTo("FINISHED");
            assertThat(adopted.getData().getParamsList().stream()
                    .collect(Collectors.toMap(Param::getKey, Param::getValue)))
                    .containsEntry("seed", "5").containsEntry("holdout", "")
                    .containsEntry("active_labeler.holdout", "10% of the pool").containsEntry("strategy", "entropy");
            assertThat(SimulateTrackingTest.tag(adopted, RunRef.KEY_TAG)).isEqualTo("parent-key");
            assertThat(SimulateTrackingTest.tag(adopted, "device")).isEqualTo("CPU");
            Run nested = runs.stream().filter(r -> !r.getRunId().equals(existing.getRunId())).findFirst()
                    .map(r -> client.getRun(r.getRunId())).orElseThrow();
            assertThat(SimulateTrackingTest.tag(nested, MlflowTrackingSink.PARENT_TAG)).isEqualTo(existing.getRunId());
        }
    }
}
