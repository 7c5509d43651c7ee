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
 * A pretrained BERT-family encoder: its shape, where its weights and tokenizer are, how it pools a
 * sentence, and a digest of the weight file for provenance.
 *
 * @param name what the person chose: {@code all-MiniLM-L6-v2}, a hub id or a folder
 * @param config the declared shape; for an ONNX export the sizes and layer count are read from its
 *               initializers when the weights load, and must agree
 * @param weights an ONNX export or a {@code model.safetensors}
 * @param pooling how a sentence vector is made from the token states
 */
public record PretrainedEncoder(String name, BertConfig config, WeightSource weights, TokenizerSource tokenizer,
                                SentencePooling pooling) {
    public static final String BUNDLED_NAME = "sentence-transformers/all-MiniLM-L6-v2";
    static final String BUNDLED_ONNX = "/all-minilm-l6-v2.onnx";
    static final String BUNDLED_TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";
    public static final String BGE_SMALL_NAME = "BAAI/bge-small-en-v1.5";
    static final String BGE_SMALL_ONNX = "/bge-small-en-v1.5.onnx";
    static final String BGE_SMALL_TOKENIZER = "/bge-small-en-v1.5-tokenizer.json";

    /** An encoder that pools by the mean over real tokens. */
    public PretrainedEncoder(String name, BertConfig config, WeightSource weights, TokenizerSource tokenizer) {
        this(name, config, weights, tokenizer, SentencePooling.MEAN);
    }

    /** all-MiniLM-L6-v2 from the langchain4j artifact on the class path: no download, works offline. */
    public static PretrainedEncoder bundled() {
        return new PretrainedEncoder(BUNDLED_NAME, BertConfig.MINILM_L6,
                new WeightSource.OnnxResource(BUNDLED_ONNX), new TokenizerSource.Resource(BUNDLED_TOKENIZER));
    }

    /**
     * bge-small-en-v1.5 (12 layers, 384 wide) from its langchain4j artifact on the class path, offline;
     * CLS pooling, then L2 normalisation, as its authors use it.
     */
    public static PretrainedEncoder bgeSmall() {
        return new PretrainedEncoder(BGE_SMALL_NAME, BertConfig.BGE_SMALL, new WeightSource.OnnxResource(BGE_SMALL_ONNX),
                new TokenizerSource.Resource(BGE_SMALL_TOKENIZER), SentencePooling.CLS_NORMALIZED);
    }

    /**
     * An encoder in a local folder laid out like a Hugging Face model repository:
     * {@code config.json}, {@code tokenizer.json} and {@code model.safetensors}; the pooling comes from
     * {@code 1_Pooling/config.json} and {@code modules.json} where present (see {@link SentencePooling#ofFolder}).
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
                new TokenizerSource.File(folder.resolve("tokenizer.json")), SentencePooling.ofFolder(folder));
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

    /**
     * The weights with Hugging Face names, the shape they have, and the SHA-256 of the file they came from.
     * An ONNX export's shape is read from its initializers (the file has no config.json); it must agree
     * with the declared one.
     */
    LoadedWeights load(NDManager scratch) {
        try (InputStream raw = weights.open();
             DigestInputStream digest = new DigestInputStream(new BufferedInputStream(raw, 1 << 20), sha256());
             InputStream in = new ReadingSkips(digest)) {
            boolean onnx = weights instanceof WeightSource.OnnxResource;
            Map<String, WeightTensor> tensors = CheckpointNames.normalise(onnx
                    ? OnnxInitializers.read(in, weights.describe())
                    : readSafetensors(in, scratch));
            in.transferTo(java.io.OutputStream.nullOutputStream());
            BertConfig shape = onnx ? BertConfig.inferFrom(tensors, config) : config;
            if (!shape.equals(config)) {
                throw new IllegalArgumentException("The weights in " + weights.describe() + " have the shape " + shape
                        + ", but " + name + " is declared as " + config);
            }
            return new LoadedWeights(tensors, shape, HexFormat.of().formatHex(digest.getMessageDigest().digest()));
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

    /**
     * Skips by reading: {@link DigestInputStream} passes {@code skip} to the stream below without hashing
     * the bytes, and the protobuf reader skips the fields it does not need, so the digest missed them.
     */
    private static final class ReadingSkips extends java.io.FilterInputStream {
        private final byte[] scratch = new byte[64 * 1024];

        ReadingSkips(InputStream in) {
            super(in);
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n) {
                int read = super.read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }
    }

    record LoadedWeights(Map<String, WeightTensor> tensors, BertConfig config, String sha256) {
    }
}
