package org.activelabeler.training.djl.bert;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.activelabeler.embedding.SentenceEncoder;
import org.activelabeler.progress.Progress;

/**
 * A {@link SentenceEncoder} over a pretrained BERT-family encoder, run by DJL on the PyTorch engine
 * without gradients: texts are tokenized once, sorted by length and embedded in batches padded to the
 * longest text of each, then pooled as the encoder defines ({@link SentencePooling}).
 */
public final class BertSentenceEncoder implements SentenceEncoder {
    private final PretrainedEncoder encoder;
    private final EmbeddingSettings settings;
    private final NDManager manager;
    private final EncoderTokens tokens;
    private final BertNetwork network;
    private final String weightsSha256;
    private final String digest;

    private BertSentenceEncoder(PretrainedEncoder encoder, EmbeddingSettings settings) {
        this.encoder = encoder;
        this.settings = settings;
        this.tokens = new EncoderTokens(encoder.tokenizer(), settings.tokenBudget(), settings.headTokens());
        this.manager = NDManager.newBaseManager(settings.device(), "PyTorch");
        try {
            PretrainedEncoder.LoadedWeights loaded = encoder.load(manager);
            if (settings.tokenBudget() > loaded.config().maxPositions()) {
                throw new IllegalArgumentException(encoder.name() + " reads at most " + loaded.config().maxPositions()
                        + " tokens, not " + settings.tokenBudget());
            }
            this.network = BertNetwork.create(loaded.config(), 2, loaded.tensors(), manager, settings.computeType(), 0,
                    false);
            this.weightsSha256 = loaded.sha256();
        } catch (RuntimeException e) {
            manager.close();
            tokens.close();
            throw e;
        }
        this.digest = sha256(definition());
    }

    /** The encoder with the given settings; its weights are read now (about a second per 100 MB). */
    public static BertSentenceEncoder open(PretrainedEncoder encoder, EmbeddingSettings settings) {
        return new BertSentenceEncoder(encoder, settings);
    }

    /** The encoder on the GPU (FP16 products) when DJL sees one, else on the CPU (FP32). */
    public static BertSentenceEncoder open(PretrainedEncoder encoder) {
        return open(encoder, EmbeddingSettings.preferred(Engine.getEngine("PyTorch")));
    }

    @Override
    public String name() {
        return encoder.name();
    }

    @Override
    public String digest() {
        return digest;
    }

    /**
     * What the digest is made of, one {@code key=value} per line: weights and tokenizer digests, pooling,
     * token budget, truncation and text preparation.
     */
    public String definition() {
        return definition(weightsSha256, tokens.tokenizerDigest(), encoder.pooling(), settings);
    }

    /**
     * The definition behind {@link #digest()}, shared with {@link OnnxRuntimeSentenceEncoder}: both engines give
     * the same vectors within 1e-6 (measured), well inside the half precision they are stored in, so the
     * engine and device are not part of it.
     */
    static String definition(String weightsSha256, String tokenizerSha256, SentencePooling pooling,
                             EmbeddingSettings settings) {
        return "weights.sha256=" + weightsSha256 + "\n"
                + "tokenizer.sha256=" + tokenizerSha256 + "\n"
                + "pooling=" + pooling.describe() + "\n"
                + "tokens=" + settings.tokenBudget() + "\n"
                + "truncation=" + settings.truncation() + "\n"
                + "text=ReviewText.readable\n";
    }

    @Override
    public int dimensions() {
        return network.config().hiddenSize();
    }

    @Override
    public int tokenBudget() {
        return settings.tokenBudget();
    }

    public EmbeddingSettings settings() {
        return settings;
    }

    /** The device the encoder runs on, for provenance: {@code cpu()} or {@code gpu(0)}. */
    public String device() {
        return manager.getDevice().toString();
    }

    /** The shape of the loaded weights. */
    BertConfig config() {
        return network.config();
    }

    public String weightsSha256() {
        return weightsSha256;
    }

    @Override
    public float[][] embed(List<String> texts, Progress progress) {
        return embedTokens(tokens.encode(texts), progress);
    }

    /** The token ids of texts as this encoder reads them: {@code [CLS]}, head and tail, {@code [SEP]}. */
    long[][] tokenize(List<String> texts) {
        return tokens.encode(texts);
    }

    /** Vectors of already tokenized texts, in their order, batched as {@link #batches} cuts them. */
    float[][] embedTokens(long[][] ids, Progress progress) {
        float[][] vectors = new float[ids.length][];
        int dimensions = dimensions();
        int done = 0;
        for (int[] batch : batches(ids, settings)) {
            progress.checkCancelled();
            try (NDScope scope = new NDScope()) {
                NDArray[] input = paddedBatch(ids, batch);
                float[] flat = network.embed(input[0], input[1], encoder.pooling())
                        .toType(DataType.FLOAT32, false).toFloatArray();
                for (int i = 0; i < batch.length; i++) {
                    vectors[batch[i]] = Arrays.copyOfRange(flat, i * dimensions, (i + 1) * dimensions);
                }
            }
            done += batch.length;
            progress.update("Embedding with " + encoder.name(), done, ids.length);
        }
        return vectors;
    }

    /** Row indexes sorted by length (stable), cut into batches of at most the settings' padded tokens. */
    static List<int[]> batches(long[][] ids, EmbeddingSettings settings) {
        int[] byLength = IntStream.range(0, ids.length).boxed()
                .sorted(Comparator.comparingInt(i -> ids[i].length)).mapToInt(Integer::intValue).toArray();
        List<int[]> batches = new java.util.ArrayList<>();
        int from = 0;
        for (int end : settings.batchEnds(Arrays.stream(byLength).map(i -> ids[i].length).toArray())) {
            batches.add(Arrays.copyOfRange(byLength, from, end));
            from = end;
        }
        return batches;
    }

    /** Token ids [B, L] padded to the longest row of the batch, and the attention mask. */
    private NDArray[] paddedBatch(long[][] ids, int[] rows) {
        TokenBatch batch = TokenBatch.of(manager, ids, rows);
        return new NDArray[] {batch.ids(), batch.mask()};
    }

    @Override
    public void close() {
        tokens.close();
        network.close();
        manager.close();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
