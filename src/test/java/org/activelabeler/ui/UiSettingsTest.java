package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiSettingsTest {
    @TempDir
    Path dir;

    @Test
    void valuesSurviveAReloadAndRemovedOnesAreGone() {
        UiSettings settings = UiSettings.load(dir);
        settings.put("dataset.last", "3");
        settings.put("annotator", "alice");
        settings.put("annotator", null);

        UiSettings reloaded = UiSettings.load(dir);

        assertThat(reloaded.getLong("dataset.last")).contains(3L);
        assertThat(reloaded.get("annotator")).isEmpty();
        assertThat(reloaded.getInt("batch", 20)).isEqualTo(20);
    }

    @Test
    void anUnreadableFileMeansDefaults() {
        UiFixture.writeSettings(dir, "batch=many\n");

        assertThat(UiSettings.load(dir).getInt("batch", 20)).isEqualTo(20);
    }
}
