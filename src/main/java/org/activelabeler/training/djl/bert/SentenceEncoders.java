package org.activelabeler.training.djl.bert;

import ai.djl.engine.Engine;
import java.util.Locale;
import org.activelabeler.embedding.SentenceEncoder;

/**
 * Picks the engine that embeds: DJL's PyTorch engine on the GPU (FP16 products) when it sees one; on the
 * CPU, ONNX Runtime when the encoder has an ONNX export (the bundled ones), else PyTorch. The system
 * property {@value #ENGINE_PROPERTY} ({@code auto}, {@code pytorch}, {@code onnxruntime}) overrides the
 * choice. Both engines give one digest, so vectors in the cache serve either.
 */
public final class SentenceEncoders {
    public static final String ENGINE_PROPERTY = "activelabeler.embedding.engine";

    /** Which engine embeds. */
    public enum EngineChoice { PYTORCH_GPU, PYTORCH_CPU, ONNX_RUNTIME_CPU }

    private SentenceEncoders() {
    }

    /** The production encoder for {@code encoder}, with the default token budget (256) and batches. */
    public static SentenceEncoder open(PretrainedEncoder encoder) {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        return open(encoder, choose(encoder, gpus, System.getProperty(ENGINE_PROPERTY, "auto")));
    }

    public static SentenceEncoder open(PretrainedEncoder encoder, EngineChoice choice) {
        return switch (choice) {
            case PYTORCH_GPU -> BertSentenceEncoder.open(encoder, EmbeddingSettings.gpu());
            case PYTORCH_CPU -> BertSentenceEncoder.open(encoder, EmbeddingSettings.cpu());
            case ONNX_RUNTIME_CPU -> OnnxRuntimeSentenceEncoder.open(encoder, EmbeddingSettings.cpu(),
                    Runtime.getRuntime().availableProcessors());
        };
    }

    /**
     * @param gpus the GPUs DJL's PyTorch engine sees
     * @param requested {@code auto}, {@code pytorch} or {@code onnxruntime}
     * @throws IllegalArgumentException for another request, or ONNX Runtime for an encoder without an ONNX export
     */
    static EngineChoice choose(PretrainedEncoder encoder, int gpus, String requested) {
        boolean onnx = encoder.weights() instanceof PretrainedEncoder.WeightSource.OnnxResource;
        switch (requested.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> {
                if (gpus > 0) {
                    return EngineChoice.PYTORCH_GPU;
                }
                return onnx ? EngineChoice.ONNX_RUNTIME_CPU : EngineChoice.PYTORCH_CPU;
            }
            case "pytorch" -> {
                return gpus > 0 ? EngineChoice.PYTORCH_GPU : EngineChoice.PYTORCH_CPU;
            }
            case "onnxruntime" -> {
                if (!onnx) {
                    throw new IllegalArgumentException(encoder.name() + " has no ONNX export, so ONNX Runtime cannot"
                            + " embed with it; use " + ENGINE_PROPERTY + "=pytorch or auto");
                }
                return EngineChoice.ONNX_RUNTIME_CPU;
            }
            default -> throw new IllegalArgumentException(ENGINE_PROPERTY + " must be auto, pytorch or onnxruntime,"
                    + " not '" + requested + "'");
        }
    }
}
