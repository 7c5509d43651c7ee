package org.activelabeler.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoringSettingsTest {

    @Test
    void defaultsAreLoopbackAFreePortAndTheDocumentedLimits() {
        ServerSettings settings = ServerSettings.defaults();

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isZero();
        assertThat(settings.maxBodyBytes()).isEqualTo(10 * 1024 * 1024);
        assertThat(settings.maxRows()).isEqualTo(10_000);
        assertThat(settings.batchSize()).isEqualTo(256);
        assertThat(settings.textColumn()).isEqualTo("text");
    }

    @Test
    void withersChangeOneSetting() {
        ServerSettings settings = ServerSettings.defaults().withHost("0.0.0.0").withPort(8080).withMaxBodyBytes(5)
                .withMaxRows(6).withBatchSize(7).withTextColumn("review");

        assertThat(settings).isEqualTo(new ServerSettings("0.0.0.0", 8080, 5, 6, 7, "review"));
    }

    @Test
    void impossibleSettingsAreRefused() {
        ServerSettings defaults = ServerSettings.defaults();
        assertThatThrownBy(() -> defaults.withPort(-1)).hasMessageContaining("port");
        assertThatThrownBy(() -> defaults.withPort(70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> defaults.withMaxBodyBytes(0)).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> defaults.withMaxBodyBytes(Integer.MAX_VALUE)).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> defaults.withMaxRows(0)).hasMessageContaining("maxRows");
        assertThatThrownBy(() -> defaults.withBatchSize(0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> defaults.withTextColumn("")).hasMessageContaining("textColumn");
        assertThatThrownBy(() -> defaults.withHost(" ")).hasMessageContaining("host");
        assertThatThrownBy(() -> defaults.withHost(null)).isInstanceOf(NullPointerException.class);
    }
}
