package org.activelabeler.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringResponseTest {

    @Test
    void predictionsCarryTheLabelAndEveryProbabilityAsWritten() {
        byte[] body = ScoringResponse.predictions(List.of("negative", "positive"),
                new float[][] {{0.1f, 0.9f}, {0.8f, 0.2f}});
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"predictions\":["
                + "{\"label\":\"positive\",\"p_negative\":0.1,\"p_positive\":0.9},"
                + "{\"label\":\"negative\",\"p_negative\":0.8,\"p_positive\":0.2}]}");
    }

    @Test
    void noRowsAreAnEmptyList() {
        assertThat(new String(ScoringResponse.predictions(List.of("a", "b"), new float[0][]), StandardCharsets.UTF_8))
                .isEqualTo("{\"predictions\":[]}");
    }

    @Test
    void aTieGoesToTheFirstClass() {
        assertThat(ScoringResponse.argMax(new float[] {0.25f, 0.5f, 0.5f})).isEqualTo(1);
        assertThat(ScoringResponse.argMax(new float[] {0.5f, 0.5f})).isZero();
    }

    @Test
    void errorsAndVersionAreEscapedJson() {
        assertThat(new String(ScoringResponse.error("BAD_REQUEST", "a \"quoted\"\nline"), StandardCharsets.UTF_8))
                .isEqualTo("{\"error_code\":\"BAD_REQUEST\",\"message\":\"a \\\"quoted\\\"\\nline\"}");
        assertThat(new String(ScoringResponse.version("1.2.0", "'imdb' version 3"), StandardCharsets.UTF_8))
                .isEqualTo("{\"version\":\"1.2.0\",\"model\":\"'imdb' version 3\"}");
    }
}
