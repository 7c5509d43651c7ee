package org.activelabeler.training.djl.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.ndarray.types.SparseFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A BERT encoder with mean pooling and a k-class head, written with DJL operations over named
 * parameters (Hugging Face names), so that any BERT-family checkpoint loads by name. Weights stay
 * FP32; with a reduced compute type (FP16, for scoring on a GPU) the matrix products run in it while
 * layer norms, softmax and the residual stream stay FP32. DJL 0.36 aborts the process on a BF16 cast,
 * and its casts are not differentiable, so training uses FP32.
 */
final class BertNetwork implements AutoCloseable {
    static final String HEAD_WEIGHT = "classifier.weight";
    static final String HEAD_BIAS = "classifier.bias";

    private final BertConfig config;
    private final int classes;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private DataType computeType;

    private BertNetwork(BertConfig config, int classes, NDManager manager, Map<String, NDArray> parameters,
                        DataType computeType) {
        this.config = config;
        this.classes = classes;
        this.manager = manager;
        this.parameters = parameters;
        this.computeType = computeType;
    }

    /**
     * Builds the network from encoder weights; the classification head (for {@code classes} classes)
     * is taken from the weights when they have one of that size and otherwise drawn from N(0, 0.02)
     * with the seed.
     */
    static BertNetwork create(BertConfig config, int classes, Map<String, WeightTensor> weights, NDManager manager,
                              DataType computeType, long seed) {
        return create(config, classes, weights, manager, computeType, seed, true);
    }

    /**
     * As {@link #create(BertConfig, int, Map, NDManager, DataType, long)}; with {@code trainable} false
     * the parameters record no gradients, so that inference builds no autograd graph on any thread.
     */
    static BertNetwork create(BertConfig config, int classes, Map<String, WeightTensor> weights, NDManager manager,
                              DataType computeType, long seed, boolean trainable) {
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        for (String name : parameterNames(config)) {
            WeightTensor tensor = weights.get(name);
            boolean head = name.startsWith("classifier.");
            if (head && (tensor == null || !java.util.Arrays.equals(tensor.shape(), expectedShape(config, classes, name)))) {
                tensor = initialHead(config, classes, name, seed);
            }
            if (tensor == null) {
                throw new IllegalArgumentException("The encoder weights have no '" + name + "'; they do not match a BERT"
                        + " encoder with " + config.layers() + " layers");
            }
            long[] expected = expectedShape(config, classes, name);
            if (!java.util.Arrays.equals(expected, tensor.shape())) {
                throw new IllegalArgumentException("Weight '" + name + "' has shape " + new Shape(tensor.shape())
                        + ", the configuration needs " + new Shape(expected));
            }
            NDArray array = manager.create(tensor.values(), new Shape(tensor.shape()));
            if (trainable) {
                array.setRequiresGradient(true);
            }
            parameters.put(name, array);
        }
        return new BertNetwork(config, classes, manager, parameters, computeType);
    }

    /** The type of the matrix products from now on: FP32, or FP16 for scoring (no gradients through it). */
    void useComputeType(DataType type) {
        this.computeType = type;
    }

    int classes() {
        return classes;
    }

    BertConfig config() {
        return config;
    }

    NDManager manager() {
        return manager;
    }

    /** The trainable parameters by name, in a fixed order. */
    Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * Runs the embeddings and layers {@code [0, untilLayer)}.
     *
     * @param ids token ids [B, L], int64
     * @param mask 1 for real tokens, 0 for padding [B, L]
     * @param dropout whether dropout is on
     */
    NDArray encode(NDArray ids, NDArray mask, int untilLayer, boolean dropout) {
        int length = (int) ids.getShape().get(1);
        NDArray words = Embedding.embedding(ids, parameters.get("embeddings.word_embeddings.weight"), SparseFormat.DENSE)
                .singletonOrThrow();
        NDArray positions = parameters.get("embeddings.position_embeddings.weight").get("0:" + length);
        NDArray types = parameters.get("embeddings.token_type_embeddings.weight").get(0);
        NDArray x = norm(words.add(positions).add(types), "embeddings.LayerNorm");
        x = dropout(x, dropout);
        return layers(x, attentionBias(mask), 0, untilLayer, dropout);
    }

    /** Runs layers {@code [from, until)} on hidden states from {@link #encode}. */
    NDArray layers(NDArray hidden, NDArray attentionBias, int from, int until, boolean dropout) {
        NDArray x = hidden;
        for (int layer = from; layer < until; layer++) {
            x = layer(x, attentionBias, "encoder.layer." + layer + ".", dropout);
        }
        return x;
    }

    /** Additive attention bias, [B, 1, 1, L]: 0 for real tokens, a large negative value for padding. */
    NDArray attentionBias(NDArray mask) {
        return mask.toType(DataType.FLOAT32, false).neg().add(1f).mul(-1e4f).expandDims(1).expandDims(1);
    }

    /** Mean of the token states over real tokens, then the head: logits [B, classes]. */
    NDArray head(NDArray hidden, NDArray mask, boolean dropout) {
        NDArray pooled = dropout(meanPool(hidden, mask), dropout);
        return Linear.linear(pooled, parameters.get(HEAD_WEIGHT), parameters.get(HEAD_BIAS)).singletonOrThrow();
    }

    /** Mean-pooled sentence embedding [B, H], without dropout. */
    NDArray embed(NDArray ids, NDArray mask) {
        return embed(ids, mask, SentencePooling.MEAN);
    }

    /** Sentence embedding [B, H] pooled as the encoder was trained, without dropout. */
    NDArray embed(NDArray ids, NDArray mask, SentencePooling pooling) {
        NDArray hidden = encode(ids, mask, config.layers(), false);
        NDArray pooled = pooling.mode() == SentencePooling.Mode.CLS ? hidden.get(":, 0, :") : meanPool(hidden, mask);
        if (!pooling.normalize()) {
            return pooled;
        }
        return pooled.div(pooled.square().sum(new int[] {1}, true).sqrt().maximum(1e-12f));
    }

    private static NDArray meanPool(NDArray hidden, NDArray mask) {
        NDArray weights = mask.toType(DataType.FLOAT32, false).expandDims(2);
        return hidden.mul(weights).sum(new int[] {1}).div(weights.sum(new int[] {1}).maximum(1f));
    }

    NDArray logits(NDArray ids, NDArray mask, boolean dropout) {
        return head(encode(ids, mask, config.layers(), dropout), mask, dropout);
    }

    private NDArray layer(NDArray x, NDArray attentionBias, String prefix, boolean dropout) {
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long length = shape.get(1);
        int heads = config.attentionHeads();
        int headSize = config.headSize();
        NDArray q = splitHeads(dense(x, prefix + "attention.self.query").mul(1f / (float) Math.sqrt(headSize)),
                batch, length, heads, headSize);
        NDArray k = splitHeads(dense(x, prefix + "attention.self.key"), batch, length, heads, headSize);
        NDArray v = splitHeads(dense(x, prefix + "attention.self.value"), batch, length, heads, headSize);
        NDArray scores = compute(q).matMul(compute(k).transpose(0, 1, 3, 2)).toType(DataType.FLOAT32, false)
                .add(attentionBias);
        NDArray probabilities = dropout(scores.softmax(-1), dropout);
        NDArray context = compute(probabilities).matMul(compute(v)).toType(DataType.FLOAT32, false)
                .transpose(0, 2, 1, 3).reshape(batch, length, (long) heads * headSize);
        NDArray attended = dropout(dense(context, prefix + "attention.output.dense"), dropout);
        x = norm(attended.add(x), prefix + "attention.output.LayerNorm");
        NDArray inner = gelu(dense(x, prefix + "intermediate.dense"));
        NDArray out = dropout(dense(inner, prefix + "output.dense"), dropout);
        return norm(out.add(x), prefix + "output.LayerNorm");
    }

    private NDArray compute(NDArray x) {
        return x.getDataType() == computeType ? x : x.toType(computeType, false);
    }

    private static NDArray splitHeads(NDArray x, long batch, long length, int heads, int headSize) {
        return x.reshape(batch, length, heads, headSize).transpose(0, 2, 1, 3);
    }

    /** x W^T + b in the compute type, returned as FP32. */
    private NDArray dense(NDArray x, String name) {
        NDArray weight = parameters.get(name + ".weight");
        NDArray bias = parameters.get(name + ".bias");
        if (computeType == DataType.FLOAT32) {
            return Linear.linear(x, weight, bias).singletonOrThrow();
        }
        return Linear.linear(x.toType(computeType, false), weight.toType(computeType, false),
                bias.toType(computeType, false)).singletonOrThrow().toType(DataType.FLOAT32, false);
    }

    private NDArray norm(NDArray x, String name) {
        return LayerNorm.layerNorm(x.toType(DataType.FLOAT32, false), new Shape(config.hiddenSize()),
                parameters.get(name + ".weight"), parameters.get(name + ".bias"), config.layerNormEps()).singletonOrThrow();
    }

    /** GELU with the exact error function, as BERT defines it (PyTorch's fused kernel, one pass). */
    private static NDArray gelu(NDArray x) {
        return Activation.gelu(x);
    }

    private NDArray dropout(NDArray x, boolean on) {
        return on ? Dropout.dropout(x, config.dropout(), true).singletonOrThrow() : x;
    }

    static List<String> parameterNames(BertConfig config) {
        List<String> names = new ArrayList<>(List.of("embeddings.word_embeddings.weight",
                "embeddings.position_embeddings.weight", "embeddings.token_type_embeddings.weight",
                "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias"));
        for (int layer = 0; layer < config.layers(); layer++) {
            String p = "encoder.layer." + layer + ".";
            for (String dense : List.of("attention.self.query", "attention.self.key", "attention.self.value",
                    "attention.output.dense", "intermediate.dense", "output.dense")) {
                names.add(p + dense + ".weight");
                names.add(p + dense + ".bias");
            }
            for (String norm : List.of("attention.output.LayerNorm", "output.LayerNorm")) {
                names.add(p + norm + ".weight");
                names.add(p + norm + ".bias");
            }
        }
        names.add(HEAD_WEIGHT);
        names.add(HEAD_BIAS);
        return names;
    }

    static long[] expectedShape(BertConfig c, int classes, String name) {
        long h = c.hiddenSize();
        if (name.startsWith("embeddings.")) {
            if (name.contains("LayerNorm")) {
                return new long[] {h};
            }
            long rows = name.contains("word") ? c.vocabSize() : name.contains("position") ? c.maxPositions() : c.typeVocabSize();
            return new long[] {rows, h};
        }
        if (name.equals(HEAD_WEIGHT)) {
            return new long[] {classes, h};
        }
        if (name.equals(HEAD_BIAS)) {
            return new long[] {classes};
        }
        boolean weight = name.endsWith(".weight");
        if (name.contains("LayerNorm")) {
            return new long[] {h};
        }
        if (name.contains("intermediate.dense")) {
            return weight ? new long[] {c.intermediateSize(), h} : new long[] {c.intermediateSize()};
        }
        if (name.contains(".output.dense") && !name.contains("attention")) {
            return weight ? new long[] {h, c.intermediateSize()} : new long[] {h};
        }
        return weight ? new long[] {h, h} : new long[] {h};
    }

    private static WeightTensor initialHead(BertConfig config, int classes, String name, long seed) {
        long[] shape = expectedShape(config, classes, name);
        float[] values = new float[(int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        if (name.equals(HEAD_WEIGHT)) {
            Random random = new Random(seed);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * 0.02);
            }
        }
        return new WeightTensor(shape, values);
    }

    @Override
    public void close() {
        parameters.values().forEach(NDArray::close);
    }
}
