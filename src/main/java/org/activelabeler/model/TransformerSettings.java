package org.activelabeler.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the transformer is fine-tuned and queried. {@link #forCpu} and {@link #forGpu} give the
 * defaults for each device: a GPU takes longer inputs and larger batches, in mixed precision.
 *
 * @param maxTokens tokens per review including [CLS] and [SEP]; longer reviews keep their first
 *        quarter and their end, where reviewers tend to give their verdict
 * @param batchSize reviews per training step
 * @param inferenceBatchSize reviews per scoring step
 * @param epochs passes over the labels in each fit
 * @param learningRate AdamW's peak step size, reached after a linear warm-up
 * @param warmupShare share of the steps spent warming up
 * @param weightDecay AdamW's decoupled weight decay
 * @param warmStart continue from the last fit's weights instead of the pretrained ones
 * @param dropoutPasses forward passes with dropout for BALD
 * @param dropoutLayers how many top layers run with dropout in those passes; the rest run once
 * @param mixedPrecision FP16 matrix products when scoring (GPU); training stays FP32
 */
public record TransformerSettings(long seed, int maxTokens, int batchSize, int inferenceBatchSize, int epochs,
                                  double learningRate, double warmupShare, double weightDecay, boolean warmStart,
                                  int dropoutPasses, int dropoutLayers, boolean mixedPrecision) {

    public TransformerSettings {
        if (maxTokens < 8) {
            throw new IllegalArgumentException("--max-tokens must be at least 8, was " + maxTokens);
        }
        if (batchSize < 1 || inferenceBatchSize < 1 || epochs < 1 || dropoutPasses < 1) {
            throw new IllegalArgumentException("Batch sizes, epochs and dropout passes must be at least 1");
        }
    }

    public static TransformerSettings forCpu(long seed) {
        return new TransformerSettings(seed, 128, 16, 32, 3, 1e-4, 0.1, 0.01, true, 8, 2, false);
    }

    public static TransformerSettings forGpu(long seed) {
        return new TransformerSettings(seed, 256, 32, 256, 3, 1e-4, 0.1, 0.01, true, 10, 6, true);
    }

    public TransformerSettings withMaxTokens(int value) {
        return new TransformerSettings(seed, value, batchSize, inferenceBatchSize, epochs, learningRate, warmupShare,
                weightDecay, warmStart, dropoutPasses, dropoutLayers, mixedPrecision);
    }

    public TransformerSettings withEpochs(int value) {
        return new TransformerSettings(seed, maxTokens, batchSize, inferenceBatchSize, value, learningRate, warmupShare,
                weightDecay, warmStart, dropoutPasses, dropoutLayers, mixedPrecision);
    }

    public TransformerSettings withBatchSize(int value) {
        return new TransformerSettings(seed, maxTokens, value, inferenceBatchSize, epochs, learningRate, warmupShare,
                weightDecay, warmStart, dropoutPasses, dropoutLayers, mixedPrecision);
    }

    public TransformerSettings withLearningRate(double value) {
        return new TransformerSettings(seed, maxTokens, batchSize, inferenceBatchSize, epochs, value, warmupShare,
                weightDecay, warmStart, dropoutPasses, dropoutLayers, mixedPrecision);
    }

    public TransformerSettings withMixedPrecision(boolean value) {
        return new TransformerSettings(seed, maxTokens, batchSize, inferenceBatchSize, epochs, learningRate, warmupShare,
                weightDecay, warmStart, dropoutPasses, dropoutLayers, value);
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("seed", Long.toString(seed));
        map.put("max_tokens", Integer.toString(maxTokens));
        map.put("batch_size", Integer.toString(batchSize));
        map.put("epochs", Integer.toString(epochs));
        map.put("learning_rate", Double.toString(learningRate));
        map.put("warmup_share", Double.toString(warmupShare));
        map.put("weight_decay", Double.toString(weightDecay));
        map.put("warm_start", Boolean.toString(warmStart));
        map.put("dropout_passes", Integer.toString(dropoutPasses));
        map.put("dropout_layers", Integer.toString(dropoutLayers));
        map.put("mixed_precision", Boolean.toString(mixedPrecision));
        return map;
    }
}
