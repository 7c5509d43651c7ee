package org.activelabeler.training.djl.bert;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;

/**
 * How {@link BertSentenceEncoder} runs: the token budget, texts per batch, the device and the type of
 * the matrix products. {@link #preferred} picks the GPU with FP16 products when DJL sees one, else the
 * CPU with FP32.
 *
 * @param tokenBudget tokens per text, {@code [CLS]} and {@code [SEP]} included; a longer text keeps its
 *                    first quarter and its end
 * @param computeType {@link DataType#FLOAT32}, or {@link DataType#FLOAT16} for the matrix products (layer
 *                    norms, softmax and the pooled vector stay FP32)
 */
public record EmbeddingSettings(int tokenBudget, int batchSize, Device device, DataType computeType) {
    public static final int DEFAULT_TOKEN_BUDGET = 256;
    static final int CPU_BATCH = 32;
    static final int GPU_BATCH = 256;

    public EmbeddingSettings {
        if (tokenBudget < 8 || batchSize < 1) {
            throw new IllegalArgumentException("Need a token budget of at least 8 and a positive batch size, got "
                    + tokenBudget + " and " + batchSize);
        }
        if (computeType != DataType.FLOAT32 && computeType != DataType.FLOAT16) {
            throw new IllegalArgumentException("The matrix products run in FLOAT32 or FLOAT16, not " + computeType);
        }
    }

    /** FP32 on the CPU, 256 tokens, batches of 32. */
    public static EmbeddingSettings cpu() {
        return new EmbeddingSettings(DEFAULT_TOKEN_BUDGET, CPU_BATCH, Device.cpu(), DataType.FLOAT32);
    }

    /** FP16 products on the first GPU, 256 tokens, batches of 256. */
    public static EmbeddingSettings gpu() {
        return new EmbeddingSettings(DEFAULT_TOKEN_BUDGET, GPU_BATCH, Device.gpu(), DataType.FLOAT16);
    }

    /** {@link #gpu()} when the engine sees a GPU, else {@link #cpu()}. */
    public static EmbeddingSettings preferred(Engine engine) {
        return engine.getGpuCount() > 0 ? gpu() : cpu();
    }

    public EmbeddingSettings withTokenBudget(int tokens) {
        return new EmbeddingSettings(tokens, batchSize, device, computeType);
    }

    public EmbeddingSettings withBatchSize(int size) {
        return new EmbeddingSettings(tokenBudget, size, device, computeType);
    }

    public EmbeddingSettings withComputeType(DataType type) {
        return new EmbeddingSettings(tokenBudget, batchSize, device, type);
    }

    /** Tokens kept from the start of a long text: a quarter of the budget (64 of 256). */
    int headTokens() {
        return tokenBudget / 4;
    }

    /** {@code head64+tail190}: the truncation rule, for the encoder digest. */
    String truncation() {
        return "head" + headTokens() + "+tail" + (tokenBudget - 2 - headTokens());
    }
}
