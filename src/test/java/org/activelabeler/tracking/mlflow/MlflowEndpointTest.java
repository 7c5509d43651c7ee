package org.activelabeler.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MlflowEndpointTest {

    @Test
    void acceptsHttpAndKeepsCredentialsOutOfItsText() {
        MlflowEndpoint endpoint = MlflowEndpoint.of("http://127.0.0.1:5000/", Map.of(
                "MLFLOW_TRACKING_USERNAME", "ann", "MLFLOW_TRACKING_PASSWORD", "s3cret"));
        assertThat(endpoint.toString()).isEqualTo("http://127.0.0.1:5000").doesNotContain("s3cret");
        assertThat(endpoint.request("/health").build().headers().firstValue("Authorization")).get()
                .asString().startsWith("Basic ");
        assertThat(MlflowEndpoint.of("https://mlflow.example", Map.of("MLFLOW_TRACKING_TOKEN", "tok"))
                .request("/x").build().headers().firstValue("Authorization")).contains("Bearer tok");
    }

    @Test
    void rejectsWhatTheJavaClientCannotTalkTo() {
        assertThatThrownBy(() -> MlflowEndpoint.of("file:///tmp/mlruns", Map.of()))
                .hasMessageContaining("is not supported").hasMessageContaining("mlflow server");
        assertThatThrownBy(() -> MlflowEndpoint.of("http://ann:pw@host:5000", Map.of()))
                .hasMessageContaining("MLFLOW_TRACKING_USERNAME").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> MlflowEndpoint.of("http://host:5000", Map.of("MLFLOW_TRACKING_USERNAME", "ann")))
                .hasMessageContaining("MLFLOW_TRACKING_PASSWORD");
    }
}
