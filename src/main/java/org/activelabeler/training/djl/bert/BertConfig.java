package org.activelabeler.training.djl.bert;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shape of a BERT-family encoder, as in a Hugging Face {@code config.json}.
 *
 * @param attentionHeads heads per layer; the hidden size must divide by it
 * @param dropout dropout after embeddings, attention and feed-forward outputs (also used for MC dropout)
 */
public record BertConfig(int vocabSize, int hiddenSize, int layers, int attentionHeads, int intermediateSize,
                         int maxPositions, int typeVocabSize, float layerNormEps, float dropout) {

    /** sentence-transformers/all-MiniLM-L6-v2. */
    public static final BertConfig MINILM_L6 = new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12f, 0.1f);
    /** BAAI/bge-small-en-v1.5. */
    public static final BertConfig BGE_SMALL = new BertConfig(30522, 384, 12, 12, 1536, 512, 2, 1e-12f, 0.1f);

    public BertConfig {
        if (hiddenSize % attentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize + " is not a multiple of num_attention_heads "
                    + attentionHeads);
        }
    }

    public int headSize() {
        return hiddenSize / attentionHeads;
    }

    /**
     * The shape that a set of weights with {@link BertNetwork}'s names has: sizes and the layer count come
     * from the tensors, what they cannot tell (heads, layer-norm epsilon, dropout) from {@code declared}.
     *
     * @throws IllegalArgumentException when the weights are not a BERT encoder
     */
    static BertConfig inferFrom(java.util.Map<String, WeightTensor> weights, BertConfig declared) {
        long[] words = shape(weights, "embeddings.word_embeddings.weight");
        int layers = 0;
        while (weights.containsKey("encoder.layer." + layers + ".attention.self.query.weight")) {
            layers++;
        }
        if (layers == 0) {
            throw new IllegalArgumentException("The weights have no encoder.layer.0; they are not a BERT encoder");
        }
        return new BertConfig((int) words[0], (int) words[1], layers, declared.attentionHeads(),
                (int) shape(weights, "encoder.layer.0.intermediate.dense.weight")[0],
                (int) shape(weights, "embeddings.position_embeddings.weight")[0],
                (int) shape(weights, "embeddings.token_type_embeddings.weight")[0],
                declared.layerNormEps(), declared.dropout());
    }

    private static long[] shape(java.util.Map<String, WeightTensor> weights, String name) {
        WeightTensor tensor = weights.get(name);
        if (tensor == null || tensor.shape().length != 2) {
            throw new IllegalArgumentException("The weights have no matrix '" + name + "'; they are not a BERT encoder");
        }
        return tensor.shape();
    }

    /** Reads a Hugging Face {@code config.json}; only BERT-style encoders are accepted. */
    public static BertConfig read(Path configJson) {
        JsonObject json;
        try (Reader reader = Files.newBufferedReader(configJson, StandardCharsets.UTF_8)) {
            json = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read the encoder configuration " + configJson + ": " + e.getMessage(), e);
        }
        String type = json.has("model_type") ? json.get("model_type").getAsString() : "bert";
        if (!type.equals("bert")) {
            throw new IllegalArgumentException(configJson + ": model_type '" + type + "' is not supported;"
                    + " choose a BERT-family encoder (model_type 'bert'), for example sentence-transformers/all-MiniLM-L12-v2");
        }
        String activation = json.has("hidden_act") ? json.get("hidden_act").getAsString() : "gelu";
        if (!activation.equals("gelu")) {
            throw new IllegalArgumentException(configJson + ": hidden_act '" + activation + "' is not supported; only gelu is");
        }
        return new BertConfig(required(json, "vocab_size", configJson), required(json, "hidden_size", configJson),
                required(json, "num_hidden_layers", configJson), required(json, "num_attention_heads", configJson),
                required(json, "intermediate_size", configJson),
                json.has("max_position_embeddings") ? json.get("max_position_embeddings").getAsInt() : 512,
                json.has("type_vocab_size") ? json.get("type_vocab_size").getAsInt() : 2,
                json.has("layer_norm_eps") ? json.get("layer_norm_eps").getAsFloat() : 1e-12f,
                json.has("hidden_dropout_prob") ? json.get("hidden_dropout_prob").getAsFloat() : 0.1f);
    }

    private static int required(JsonObject json, String field, Path file) {
        if (!json.has(field)) {
            throw new IllegalArgumentException(file + " has no '" + field + "'; it does not look like a BERT config.json");
        }
        return json.get(field).getAsInt();
    }
}
