package org.activelabeler.training.djl.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pretrained BERT-family encoder: its shape, where its weights and tokenizer are, and a digest
 * of the weight file for provenance.
 *
 * @param name what the person chose: {@code all-MiniLM-L6-v2}, a hub id or a folder
 * @param weights an ONNX export or a {@code model.safetensors}
 */
public record PretrainedEncoder(String name, BertConfig config, WeightSource weights, TokenizerSource tokenizer) {
    public static final String BUNDLED_NAME = "sentence-transformers/all-MiniLM-L6-v2";
    static final String BUNDLED_ONNX = "/all-minilm-l6-v2.onnx";
    static final String BUNDLED_TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";

    /** all-MiniLM-L6-v2 from the langchain4j artifact on the class path: no download, works offline. */
    public static PretrainedEncoder bundled() {
        return new PretrainedEncoder(BUNDLED_NAME, BertConfig.MINILM_L6,
                new WeightSource.OnnxResource(BUNDLED_ONNX), new TokenizerSource.Resource(BUNDLED_TOKENIZER));
    }

    /**
     * An encoder in a local folder laid out like a Hugging Face model repository:
     * {@code config.json}, {@code tokenizer.json} and {@code model.safetensors}.
     */
    public static PretrainedEncoder fromFolder(String name, Path folder) {
        for (String file : new String[] {"config.json", "tokenizer.json", "model.safetensors"}) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                throw new IllegalArgumentException("The encoder folder " + folder + " has no " + file + "; it needs"
                        + " config.json, tokenizer.json and model.safetensors, as on the Hugging Face hub");
            }
        }
        return new PretrainedEncoder(name, BertConfig.read(folder.resolve("config.json")),
                new WeightSource.SafetensorsFile(folder.resolve("model.safetensors")),
                new TokenizerSource.File(folder.resolve("tokenizer.json")));
    }

    /** Where the weights are read from. */
    public sealed interface WeightSource {
        InputStream open() throws IOException;

        String describe();

        record OnnxResource(String resource) implements WeightSource {
            @Override
            public InputStream open() throws IOException {
                InputStream in = PretrainedEncoder.class.getResourceAsStream(resource);
                if (in == null) {
                    throw new IOException("The bundled encoder " + resource + " is missing from the class path;"
                            + " reinstall the application");
                }
                return in;
            }

            @Override
            public String describe() {
                return "classpath:" + resource;
            }
        }

        record SafetensorsFile(Path file) implements WeightSource {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public String describe() {
                return file.toString();
            }
        }
    }

    /** Where the tokenizer.json is read from. */
    public sealed interface TokenizerSource {
        InputStream open() throws IOException;

        record Resource(String resource) implements TokenizerSource {
            @Override
            public InputStream open() throws IOException {
                InputStream in = PretrainedEncoder.class.getResourceAsStream(resource);
                if (in == null) {
                    throw new IOException("The bundled tokenizer " + resource + " is missing; reinstall the application");
                }
                return in;
            }
        }

        record File(Path path) implements TokenizerSource {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(path);
            }
        }
    }

    /** The weights with Hugging Face names, and the SHA-256 of the file they came from. */
    LoadedWeights load(NDManager scratch) {
        try (InputStream raw = weights.open();
             DigestInputStream in = new DigestInputStream(new BufferedInputStream(raw, 1 << 20), sha256())) {
            Map<String, WeightTensor> tensors = weights instanceof WeightSource.OnnxResource
                    ? OnnxInitializers.read(in, weights.describe())
                    : readSafetensors(in, scratch);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return new LoadedWeights(CheckpointNames.normalise(tensors),
                    HexFormat.of().formatHex(in.getMessageDigest().digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the encoder weights " + weights.describe() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, WeightTensor> readSafetensors(InputStream in, NDManager scratch) {
        Map<String, WeightTensor> tensors = new LinkedHashMap<>();
        try (NDManager manager = scratch.newSubManager()) {
            for (NDArray array : NDList.decode(manager, in)) {
                if (!array.getDataType().isFloating()) {
                    continue;
                }
                NDArray floats = array.toType(DataType.FLOAT32, false);
                tensors.put(array.getName(), new WeightTensor(floats.getShape().getShape(), floats.toFloatArray()));
            }
        }
        return tensors;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record LoadedWeights(Map<String, WeightTensor> tensors, String sha256) {
    }
}
