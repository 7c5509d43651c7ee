package org.activelabeler.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.progress.Progress;
import org.activelabeler.ui.transformer.EncoderTransformerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderTransformerFactoryTest {

    @Test
    void makesTheTransformerFromTheEncoderNamedInTheSettings(@TempDir Path dir) {
        EncoderTransformerFactory factory = new EncoderTransformerFactory(dir, () -> "minilm");
        try (TextClassifier transformer = factory.create(1, 2, Progress.NONE)) {
            assertThat(transformer.description().hyperparameters())
                    .containsEntry("encoder", "sentence-transformers/all-MiniLM-L6-v2");
        }
    }

    @Test
    void anEncoderThatIsNeitherAFolderNorAHubIdIsRefusedByName(@TempDir Path dir) {
        EncoderTransformerFactory factory = new EncoderTransformerFactory(dir, () -> "no such encoder");
        assertThatThrownBy(() -> factory.create(1, 2, Progress.NONE)).hasMessageContaining("no such encoder");
    }
}
