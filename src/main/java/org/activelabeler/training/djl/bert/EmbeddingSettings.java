package org.activelabeler.training.djl.bert;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;

/**
 * How {@link BertSentenceEncoder} runs: the token budget, the size of a batch, the device and the type
 * of the matrix products. {@link #preferred} picks the GPU with FP16 products when DJL sees one, else
 * the CPU with FP32.
 *
 * <p>A batch is counted in padded tokens, not texts: texts sorted by length join a batch while
 * {@code texts × longest ≤ batchTokens}. On the CPU, 2,048 tokens (8 texts of 256, 64 of 32) was
 * measured faster than 32 texts of 256, whose attention scores (100 MB a layer) no longer fit the
 * caches; short texts still go in large batches.
 *
 * @param tokenBudget tokens per text, {@code [CLS]} and {@code [SEP]} included; a longer text keeps its
 *                    first quarter and its end
 * @param computeType {@link DataType#FLOAT32}, or {@link DataType#FLOAT16} for the matrix products (layer
 *                    norms, softmax and the pooled vector stay FP32)
 */
public record EmbeddingSettings(int tokenBudget, int batchTokens, Device device, DataType computeType) {
    public static final int DEFAULT_TOKEN_BUDGET = 256;
    static final int CPU_BATCH_TOKENS = 2048;
    static final int GPU_BATCH_TOKENS = 256 * 256;

    public EmbeddingSettings {
        if (tokenBudget < 8 || batchTokens < tokenBudget) {
            throw new IllegalArgumentException("Need a token budget of at least 8 and batches of at least one text at"
                    + " the budget, got a budget of " + tokenBudget + " and batches of " + batchTokens + " tokens");
        }
        if (computeType != DataType.FLOAT32 && computeType != DataType.FLOAT16) {
            throw new IllegalArgumentException("The matrix products run in FLOAT32 or FLOAT16, not " + computeType);
        }
    }

    /** FP32 on the CPU, 256 tokens, batches of 2,048 tokens. */
    public static EmbeddingSettings cpu() {
        return new EmbeddingSettings(DEFAULT_TOKEN_BUDGET, CPU_BATCH_TOKENS, Device.cpu(), DataType.FLOAT32);
    }

    /** FP16 products on the first GPU, 256 tokens, batches of 65,536 tokens (256 texts of 256). */
    public static EmbeddingSettings gpu() {
        return new EmbeddingSettings(DEFAULT_TOKEN_BUDGET, GPU_BATCH_TOKENS, Device.gpu(), DataType.FLOAT16);
    }

    /** {@link #gpu()} when the engine sees a GPU, else {@link #cpu()}. */
    public static EmbeddingSettings preferred(Engine engine) {
        return engine.getGpuCount() > 0 ? gpu() : cpu();
    }

    /** The same with another token budget; the batches grow to hold at least one text at it. */
    public EmbeddingSettings withTokenBudget(int tokens) {
        return new EmbeddingSettings(tokens, Math.max(tokens, batchTokens), device, computeType);
    }

    public EmbeddingSettings withBatchTokens(int tokens) {
        return new EmbeddingSettings(tokenBudget, tokens, device, computeType);
    }

    public EmbeddingSettings withComputeType(DataType type) {
        return new EmbeddingSettings(tokenBudget, batchTokens, device, type);
    }

    /**
     * Cuts rows sorted by length into batches of at most {@link #batchTokens} padded tokens.
     *
     * @param lengths the token count of each row, ascending
     * @return the end (exclusive) of each batch
     */
    int[] batchEnds(int[] lengths) {
        java.util.List<Integer> ends = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (i > start && (long) (i - start + 1) * lengths[i] > batchTokens) {
                ends.add(i);
                start = i;
            }
        }
        if (lengths.length > 0) {
            ends.add(lengths.length);
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
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
