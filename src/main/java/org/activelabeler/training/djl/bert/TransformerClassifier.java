package org.activelabeler.training.djl.bert;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.activelabeler.model.ModelDescription;
import org.activelabeler.model.Predictions;
import org.activelabeler.model.TextClassifier;
import org.activelabeler.model.TrainingReport;
import org.activelabeler.model.TransformerSettings;
import org.activelabeler.progress.Progress;
import org.activelabeler.training.djl.Devices;

/**
 * A pretrained BERT-family encoder with mean pooling and a k-class head, fine-tuned with DJL on
 * the PyTorch engine: AdamW, linear warm-up then linear decay, gradient norm clipped to 1. Runs on
 * the first GPU when DJL sees one, else on the CPU.
 */
public final class TransformerClassifier implements TextClassifier {
    public static final String NAME = "transformer";
    private static final double MAX_GRADIENT_NORM = 1.0;

    private final PretrainedEncoder encoder;
    private final TransformerSettings settings;
    private final Engine engine;
    private final NDManager manager;
    private final EncoderTokens tokens;
    private final Map<String, WeightTensor> pretrained;
    private final String weightsSha256;
    private BertNetwork network;
    private int fits;

    /** Two classes; a fit with another number of classes gives the head that size. */
    public TransformerClassifier(PretrainedEncoder encoder, TransformerSettings settings) {
        this(encoder, settings, 2);
    }

    /** @param classes the size of the head until a fit asks for another */
    public TransformerClassifier(PretrainedEncoder encoder, TransformerSettings settings, int classes) {
        this.encoder = encoder;
        this.settings = settings;
        this.engine = Engine.getEngine("PyTorch");
        Device device = Devices.preferred(engine);
        this.manager = NDManager.newBaseManager(device, engine.getEngineName());
        this.tokens = new EncoderTokens(encoder.tokenizer(), settings.maxTokens());
        PretrainedEncoder.LoadedWeights loaded = encoder.load(manager);
        this.pretrained = loaded.tensors();
        this.weightsSha256 = loaded.sha256();
        this.network = newNetwork(classes);
    }

    /** The device-appropriate defaults: {@link TransformerSettings#forGpu} when DJL sees a GPU. */
    public static TransformerSettings defaultSettings(long seed) {
        Engine engine = Engine.getEngine("PyTorch");
        return engine.getGpuCount() > 0 ? TransformerSettings.forGpu(seed) : TransformerSettings.forCpu(seed);
    }

    public String encoderSha256() {
        return weightsSha256;
    }

    @Override
    public ModelDescription description() {
        Map<String, String> parameters = new LinkedHashMap<>(settings.asMap());
        parameters.put("encoder", encoder.name());
        parameters.put("encoder_sha256", weightsSha256);
        parameters.put("encoder_layers", Integer.toString(encoder.config().layers()));
        parameters.put("encoder_hidden_size", Integer.toString(encoder.config().hiddenSize()));
        return new ModelDescription(NAME, manager.getDevice().toString(), parameters);
    }

    /**
     * Fine-tunes on the texts. A fit with another number of classes (after a class was added) starts
     * from the pretrained encoder with a new head; fits continue from the last fit's weights when the
     * settings ask for a warm start.
     */
    @Override
    public TrainingReport fit(List<String> texts, int[] labels, int classes, Progress progress) {
        if (texts.size() != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("Need one label per text and at least one text, got "
                    + texts.size() + " texts and " + labels.length + " labels");
        }
        long start = System.nanoTime();
        engine.setRandomSeed((int) (settings.seed() + fits));
        if (network.classes() != classes || !settings.warmStart() && fits > 0) {
            network.close();
            network = newNetwork(classes);
        }
        long[][] ids = tokens.encode(texts);
        network.useComputeType(DataType.FLOAT32);
        int stepsPerEpoch = (labels.length + settings.batchSize() - 1) / settings.batchSize();
        int totalSteps = stepsPerEpoch * settings.epochs();
        SplittableRandom random = new SplittableRandom(settings.seed() * 31 + fits);
        List<Double> losses = new ArrayList<>();
        int step = 0;
        int skipped = 0;
        try (ClosingAdamW optimizer = new ClosingAdamW(AdamW.builder()
                .optLearningRateTracker(schedule(totalSteps))
                .optWeightDecays((float) settings.weightDecay()))) {
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                int[] order = shuffled(labels.length, random);
                double lossSum = 0;
                int counted = 0;
                for (int from = 0; from < order.length; from += settings.batchSize()) {
                    progress.checkCancelled();
                    int to = Math.min(order.length, from + settings.batchSize());
                    int[] batch = Arrays.copyOfRange(order, from, to);
                    double loss = trainStep(ids, labels, batch, optimizer);
                    if (Double.isNaN(loss)) {
                        skipped++;
                    } else {
                        lossSum += loss * batch.length;
                        counted += batch.length;
                    }
                    step++;
                    progress.update("Fine-tuning the transformer", step, totalSteps);
                }
                losses.add(counted == 0 ? Double.NaN : lossSum / counted);
            }
        }
        if (2 * skipped > totalSteps) {
            throw new IllegalStateException("The transformer's gradient was not finite in " + skipped + " of "
                    + totalSteps + " steps; lower the learning rate");
        }
        fits++;
        network.useComputeType(scoringType());
        return new TrainingReport(losses, settings.epochs(), 0, Double.NaN, (System.nanoTime() - start) / 1_000_000);
    }

    /** One optimizer step on a batch; returns its loss, or NaN when the step was skipped for a non-finite gradient. */
    private double trainStep(long[][] ids, int[] labels, int[] batch, Optimizer optimizer) {
        Map<String, NDArray> parameters = network.parameters();
        List<NDArray> gradients = new ArrayList<>();
        double loss;
        try (NDScope scope = new NDScope()) {
            TokenBatch input = TokenBatch.of(manager, ids, batch);
            int[] batchLabels = Arrays.stream(batch).map(i -> labels[i]).toArray();
            NDArray target = manager.create(batchLabels).oneHot(network.classes());
            try (GradientCollector collector = engine.newGradientCollector()) {
                collector.zeroGradients();
                NDArray logits = network.logits(input.ids(), input.mask(), true);
                NDArray lossArray = logits.logSoftmax(-1).mul(target).sum(new int[] {1}).neg().mean();
                collector.backward(lossArray);
                loss = lossArray.getFloat();
            }
            NDArray squaredNorm = manager.zeros(new Shape());
            for (NDArray parameter : parameters.values()) {
                NDArray gradient = parameter.getGradient();
                gradients.add(gradient);
                squaredNorm = squaredNorm.add(gradient.square().sum());
            }
            double norm = Math.sqrt(squaredNorm.getFloat());
            if (!Double.isFinite(norm) || !Double.isFinite(loss)) {
                // as mixed-precision trainers do: a step with an overflow is skipped, the weights stay as they were
                return Double.NaN;
            }
            if (norm > MAX_GRADIENT_NORM) {
                float scale = (float) (MAX_GRADIENT_NORM / (norm + 1e-6));
                gradients.replaceAll(g -> g.mul(scale));
            }
            gradients.forEach(NDScope::unregister);
        }
        int k = 0;
        for (Map.Entry<String, NDArray> parameter : parameters.entrySet()) {
            NDArray gradient = gradients.get(k++);
            optimizer.update(parameter.getKey(), parameter.getValue(), gradient);
            gradient.close();
        }
        return loss;
    }

    @Override
    public Predictions predict(List<String> texts, Progress progress) {
        return score(texts, 1, progress)[0];
    }

    @Override
    public Predictions[] sample(List<String> texts, int passes, Progress progress) {
        return score(texts, passes, progress);
    }

    /** One deterministic pass when {@code passes == 1}; else MC dropout in the top layers. */
    private Predictions[] score(List<String> texts, int passes, Progress progress) {
        long[][] ids = tokens.encode(texts);
        int classes = network.classes();
        float[][] probabilities = new float[passes][texts.size() * classes];
        int[] byLength = IntStream.range(0, ids.length).boxed()
                .sorted(Comparator.comparingInt(i -> ids[i].length)).mapToInt(Integer::intValue).toArray();
        int layers = network.config().layers();
        int stochasticFrom = passes == 1 ? layers : Math.max(0, layers - settings.dropoutLayers());
        for (int from = 0; from < byLength.length; from += settings.inferenceBatchSize()) {
            progress.checkCancelled();
            int[] batch = Arrays.copyOfRange(byLength, from, Math.min(byLength.length, from + settings.inferenceBatchSize()));
            try (NDScope scope = new NDScope()) {
                TokenBatch input = TokenBatch.of(manager, ids, batch);
                NDArray bias = network.attentionBias(input.mask());
                NDArray shared = network.encode(input.ids(), input.mask(), stochasticFrom, false);
                for (int pass = 0; pass < passes; pass++) {
                    boolean dropout = passes > 1;
                    NDArray hidden = network.layers(shared, bias, stochasticFrom, layers, dropout);
                    float[] p = network.head(hidden, input.mask(), dropout).softmax(-1).toFloatArray();
                    for (int i = 0; i < batch.length; i++) {
                        System.arraycopy(p, i * classes, probabilities[pass], batch[i] * classes, classes);
                    }
                }
            }
            progress.update("Scoring with the transformer", Math.min(byLength.length, from + batch.length), byLength.length);
        }
        Predictions[] passesOut = new Predictions[passes];
        for (int pass = 0; pass < passes; pass++) {
            passesOut[pass] = Predictions.of(probabilities[pass], classes);
        }
        return passesOut;
    }

    /** Writes {@code model.safetensors}, {@code config.json} and {@code tokenizer.json}: a loadable encoder folder. */
    @Override
    public void save(Path directory) {
        try {
            Files.createDirectories(directory);
            NDList list = new NDList();
            for (Map.Entry<String, NDArray> parameter : network.parameters().entrySet()) {
                NDArray copy = parameter.getValue().duplicate();
                copy.setName(parameter.getKey());
                list.add(copy);
            }
            try (OutputStream out = Files.newOutputStream(directory.resolve("model.safetensors"))) {
                list.encode(out, NDList.Encoding.SAFETENSORS);
            } finally {
                list.close();
            }
            Files.writeString(directory.resolve("config.json"), configJson(network.config(), network.classes()), StandardCharsets.UTF_8);
            try (InputStream in = encoder.tokenizer().open()) {
                Files.copy(in, directory.resolve("tokenizer.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the transformer into " + directory + ": " + e.getMessage(), e);
        }
    }

    private BertNetwork newNetwork(int classes) {
        return BertNetwork.create(encoder.config(), classes, pretrained, manager, scoringType(), settings.seed());
    }

    /**
     * FP16 products for scoring with mixed precision; training always runs in FP32, because DJL's
     * type cast leaves the autograd graph, so FP16 copies of FP32 weights would get no gradient.
     */
    private DataType scoringType() {
        return settings.mixedPrecision() ? DataType.FLOAT16 : DataType.FLOAT32;
    }

    private Tracker schedule(int totalSteps) {
        int warmup = Math.max(1, (int) Math.round(totalSteps * settings.warmupShare()));
        float peak = (float) settings.learningRate();
        return update -> {
            if (update < warmup) {
                return peak * (update + 1) / warmup;
            }
            return peak * Math.max(0f, (float) (totalSteps - update) / Math.max(1, totalSteps - warmup));
        };
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static String configJson(BertConfig c, int classes) {
        return String.format(java.util.Locale.ROOT, """
                {
                  "model_type": "bert",
                  "architectures": ["BertForSequenceClassification"],
                  "vocab_size": %d,
                  "hidden_size": %d,
                  "num_hidden_layers": %d,
                  "num_attention_heads": %d,
                  "intermediate_size": %d,
                  "max_position_embeddings": %d,
                  "type_vocab_size": %d,
                  "layer_norm_eps": %s,
                  "hidden_dropout_prob": %s,
                  "hidden_act": "gelu",
                  "num_labels": %d
                }
                """, c.vocabSize(), c.hiddenSize(), c.layers(), c.attentionHeads(), c.intermediateSize(),
                c.maxPositions(), c.typeVocabSize(), Float.toString(c.layerNormEps()), Float.toString(c.dropout()),
                classes);
    }

    @Override
    public void close() {
        tokens.close();
        network.close();
        manager.close();
    }
}
