package org.activelabeler.training.djl.bert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.activelabeler.training.djl.bert.SentenceEncoders.EngineChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which engine embeds, and the encoder definitions it relies on. */
class SentenceEncodersTest {

    @Test
    void theGpuGoesToPyTorchTheCpuToOnnxRuntimeWhenThereIsAnExport(@TempDir Path folder) throws IOException {
        PretrainedEncoder bge = PretrainedEncoder.bgeSmall();
        assertThat(SentenceEncoders.choose(bge, 1, "auto")).isEqualTo(EngineChoice.PYTORCH_GPU);
        assertThat(SentenceEncoders.choose(bge, 0, "auto")).isEqualTo(EngineChoice.ONNX_RUNTIME_CPU);
        assertThat(SentenceEncoders.choose(bge, 0, "PyTorch")).isEqualTo(EngineChoice.PYTORCH_CPU);
        assertThat(SentenceEncoders.choose(bge, 1, "onnxruntime")).isEqualTo(EngineChoice.ONNX_RUNTIME_CPU);
        PretrainedEncoder safetensors = new PretrainedEncoder("folder", BertConfig.MINILM_L6,
                new PretrainedEncoder.WeightSource.SafetensorsFile(folder.resolve("model.safetensors")),
                new PretrainedEncoder.TokenizerSource.File(folder.resolve("tokenizer.json")));
        assertThat(SentenceEncoders.choose(safetensors, 0, "auto")).isEqualTo(EngineChoice.PYTORCH_CPU);
        assertThatThrownBy(() -> SentenceEncoders.choose(safetensors, 0, "onnxruntime"))
                .hasMessageContaining("no ONNX export");
        assertThatThrownBy(() -> SentenceEncoders.choose(bge, 0, "tensorflow"))
                .hasMessageContaining("auto, pytorch or onnxruntime");
    }

    @Test
    void bgeResolvesByItsNamesAndPoolsByClsThenNormalises(@TempDir Path cache) {
        for (String name : new String[] {"bge-small-en-v1.5", "BAAI/bge-small-en-v1.5", " bge-small "}) {
            assertThat(EncoderCatalog.resolve(name, cache, DownloadListener.NONE)).isEqualTo(PretrainedEncoder.bgeSmall());
        }
        assertThat(PretrainedEncoder.bgeSmall().pooling()).isEqualTo(SentencePooling.CLS_NORMALIZED);
        assertThat(PretrainedEncoder.bundled().pooling()).isEqualTo(SentencePooling.MEAN);
    }

    /** The shape of an ONNX export comes from its initializers, and the digest covers the whole file. */
    @Test
    void loadingMiniLmReadsItsShapeAndHashesTheWholeFile() throws Exception {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager("PyTorch")) {
            PretrainedEncoder.LoadedWeights loaded = PretrainedEncoder.bundled().load(manager);
            assertThat(loaded.config()).isEqualTo(BertConfig.MINILM_L6);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = PretrainedEncoder.bundled().weights().open()) {
                sha.update(in.readAllBytes());
            }
            assertThat(loaded.sha256()).isEqualTo(HexFormat.of().formatHex(sha.digest()));
        }
    }

    @Test
    void aPoolingThatTheEncoderCannotDoIsRefused(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("1_Pooling"));
        Files.writeString(folder.resolve("1_Pooling/config.json"), "{\"pooling_mode_max_tokens\": true}");
        assertThatThrownBy(() -> SentencePooling.ofFolder(folder)).hasMessageContaining("pooling_mode_max_tokens");
        assertThat(SentencePooling.ofFolder(folder.resolve("nothing-here"))).isEqualTo(SentencePooling.MEAN);
    }
}
