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
    void aChangeIsWrittenByTheWriterThreadAndAFailedWriteNeverReachesTheCaller() throws Exception {
        UiSettings settings = UiSettings.load(dir);
        for (int i = 0; i < 200; i++) {
            settings.put("current.1", Integer.toString(i));
        }
        UiSettings.flush();
        assertThat(java.nio.file.Files.readString(dir.resolve(UiSettings.FILE_NAME))).contains("current.1=199");

        java.nio.file.Path blocked = dir.resolve("blocked");
        java.nio.file.Files.createDirectories(blocked.resolve(UiSettings.FILE_NAME).resolve("a-folder-in-the-way"));
        UiSettings unwritable = UiSettings.load(blocked);
        unwritable.put("theme", "dark");
        UiSettings.flush();
        assertThat(unwritable.get("theme")).contains("dark");
    }

    @Test
    void anUnreadableFileMeansDefaults() {
        UiFixture.writeSettings(dir, "batch=many\n");

        assertThat(UiSettings.load(dir).getInt("batch", 20)).isEqualTo(20);
    }
}
