package org.activelabeler.training.djl.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a small random BERT (2 layers, 32 wide, the bundled uncased WordPiece vocabulary) as a Hugging
 * Face folder, so that encoder tests need not load a real model.
 */
public final class TinyBert {
    private TinyBert() {
    }

    public static Path write(Path folder, long seed) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.json"), """
                {"model_type": "bert", "vocab_size": 30522, "hidden_size": 32, "num_hidden_layers": 2,
                 "num_attention_heads": 4, "intermediate_size": 64, "max_position_embeddings": 512,
                 "type_vocab_size": 2, "hidden_act": "gelu"}
                """);
        try (InputStream tokenizer = PretrainedEncoder.class.getResourceAsStream(PretrainedEncoder.BUNDLED_TOKENIZER)) {
            Files.copy(tokenizer, folder.resolve("tokenizer.json"));
        }
        BertConfig config = BertConfig.read(folder.resolve("config.json"));
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             OutputStream out = Files.newOutputStream(folder.resolve("model.safetensors"))) {
            manager.getEngine().setRandomSeed((int) seed);
            NDList weights = new NDList();
            for (String name : BertNetwork.parameterNames(config)) {
                if (name.startsWith("classifier.")) {
                    continue;
                }
                Shape shape = new Shape(BertNetwork.expectedShape(config, 2, name));
                NDArray weight = name.contains("LayerNorm") && name.endsWith(".weight")
                        ? manager.ones(shape) : manager.randomNormal(0, 0.2f, shape, DataType.FLOAT32);
                weight.setName(name);
                weights.add(weight);
            }
            weights.encode(out, NDList.Encoding.SAFETENSORS);
        }
        return folder;
    }

    /** Makes the folder pool like bge: CLS, then L2 normalisation (sentence-transformers files). */
    public static void poolLikeBge(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("1_Pooling"));
        Files.writeString(folder.resolve("1_Pooling/config.json"), """
                {"word_embedding_dimension": 32, "pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false,
                 "pooling_mode_max_tokens": false, "pooling_mode_mean_sqrt_len_tokens": false}
                """);
        Files.writeString(folder.resolve("modules.json"), """
                [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                 {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                 {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}]
                """);
    }
}
