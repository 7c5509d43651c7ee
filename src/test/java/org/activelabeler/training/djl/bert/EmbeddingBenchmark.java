package org.activelabeler.training.djl.bert;

import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.activelabeler.bench.CorpusTexts;
import org.activelabeler.progress.Progress;

/**
 * Texts per second of the production sentence encoder (DJL, PyTorch engine) against ONNX Runtime running
 * the same ONNX file, on the same texts, token budget, length-sorted batches and thread count; rounds
 * alternate between the two so that both see the same machine load. Also reports their parity on these
 * texts and the compute bound. Run by {@code scripts/embedding-benchmark.sh}.
 *
 * <p>Arguments: {@code data.csv [texts=200] [rounds=2] [threads=2] [batchTokens=2048]}.
 */
public final class EmbeddingBenchmark {
    private EmbeddingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int batchTokens = args.length > 4 ? Integer.parseInt(args[4]) : EmbeddingSettings.CPU_BATCH_TOKENS;
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");

        List<String> texts = CorpusTexts.read(data, count);
        EmbeddingSettings settings = EmbeddingSettings.cpu().withBatchTokens(batchTokens);
        PretrainedEncoder definition = PretrainedEncoder.bgeSmall();
        try (BertSentenceEncoder encoder = BertSentenceEncoder.open(definition, settings)) {
            long t0 = System.nanoTime();
            long[][] ids = encoder.tokenize(texts);
            double tokenizeSeconds = (System.nanoTime() - t0) / 1e9;
            List<int[]> batches = BertSentenceEncoder.batches(ids, settings);
            Path batchFile = Files.createTempFile("embedding-benchmark", ".batches");
            Path vectorFile = Files.createTempFile("embedding-benchmark", ".vectors");
            List<long[][]> batchIds = new ArrayList<>();
            List<Integer> order = new ArrayList<>();
            for (int[] batch : batches) {
                batchIds.add(Arrays.stream(batch).mapToObj(i -> ids[i]).toArray(long[][]::new));
                Arrays.stream(batch).forEach(order::add);
            }
            OnnxRuntimeBench.writeBatches(batchFile, batchIds);

            double flops = 0;
            long padded = 0;
            for (long[][] batch : batchIds) {
                int length = Arrays.stream(batch).mapToInt(r -> r.length).max().orElse(0);
                flops += batch.length * flopsPerText(encoder, length);
                padded += (long) batch.length * length;
            }
            System.out.printf(Locale.ROOT, "texts=%d from %s, tokens=%d (head %d + tail), batches=%d of <= %d padded"
                            + " tokens, mean padded length %.0f, tokenizing %.2f s%n", texts.size(), data.getFileName(),
                    settings.tokenBudget(), settings.headTokens(), batches.size(), batchTokens,
                    (double) padded / texts.size(), tokenizeSeconds);
            System.out.printf(Locale.ROOT, "threads=%d (PyTorch intra-op %d, inter-op %d; ONNX Runtime intra-op %d,"
                            + " inter-op 1, no spinning, as in production), OMP_WAIT_POLICY=%s, cores=%d, load %s%n", threads,
                    JniUtils.getNumThreads(), JniUtils.getNumInteropThreads(), threads,
                    System.getenv().getOrDefault("OMP_WAIT_POLICY", "(default)"),
                    Runtime.getRuntime().availableProcessors(), load());
            System.out.printf(Locale.ROOT, "compute: %.2f GFLOP per text at 256 tokens, %.2f GFLOP per text here"
                    + " (padding included)%n", flopsPerText(encoder, 256) / 1e9, flops / texts.size() / 1e9);

            encoder.embedTokens(new long[][] {ids[batches.get(0)[0]]}, Progress.NONE);
            float[][] djl = null;
            List<float[]> ort = null;
            List<Double> djlRates = new ArrayList<>();
            List<Double> ortRates = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                djl = encoder.embedTokens(ids, Progress.NONE);
                double djlSeconds = (System.nanoTime() - start) / 1e9;
                djlRates.add(texts.size() / djlSeconds);
                String loadAfterDjl = load();
                double ortSeconds = runOnnxRuntime(threads, batchFile, vectorFile);
                ortRates.add(texts.size() / ortSeconds);
                List<float[]> inBatchOrder = OnnxRuntimeBench.readVectors(vectorFile);
                ort = new ArrayList<>(Arrays.asList(new float[texts.size()][]));
                for (int i = 0; i < order.size(); i++) {
                    ort.set(order.get(i), inBatchOrder.get(i));
                }
                System.out.printf(Locale.ROOT, "round %d: DJL PyTorch %.2f texts/s (%.1f s, %.0f GFLOP/s, load %s);"
                                + " ONNX Runtime %.2f texts/s (%.1f s, %.0f GFLOP/s, load %s)%n", round + 1,
                        texts.size() / djlSeconds, djlSeconds, flops / djlSeconds / 1e9, loadAfterDjl,
                        texts.size() / ortSeconds, ortSeconds, flops / ortSeconds / 1e9, load());
            }
            double maxDiff = 0;
            double minCosine = 1;
            for (int i = 0; i < texts.size(); i++) {
                maxDiff = Math.max(maxDiff, VectorMath.maxAbsDifference(djl[i], ort.get(i)));
                minCosine = Math.min(minCosine, VectorMath.cosine(djl[i], ort.get(i)));
            }
            System.out.printf(Locale.ROOT, "DJL PyTorch: %s texts/s; ONNX Runtime: %s texts/s (best %.2f vs %.2f,"
                            + " ratio ORT/DJL %.2f)%n", rates(djlRates), rates(ortRates), max(djlRates), max(ortRates),
                    max(ortRates) / max(djlRates));
            System.out.printf(Locale.ROOT, "parity on %d texts: max abs diff %.2e, min cosine %.7f%n", texts.size(),
                    maxDiff, minCosine);
            Files.deleteIfExists(batchFile);
            Files.deleteIfExists(vectorFile);
        }
    }

    /** Multiply-adds counted twice: Q, K, V, output and the two feed-forward products, and attention. */
    static double flopsPerText(BertSentenceEncoder encoder, int length) {
        BertConfig c = encoder.config();
        double h = c.hiddenSize();
        double perLayer = 2.0 * length * (4 * h * h + 2 * h * c.intermediateSize()) + 2.0 * 2 * length * length * h;
        return perLayer * c.layers();
    }

    private static double runOnnxRuntime(int threads, Path batches, Path vectors)
            throws IOException, InterruptedException {
        List<String> command = List.of(OnnxRuntimeReference.javaBinary(), "-cp", System.getProperty("java.class.path"),
                OnnxRuntimeBench.class.getName(), PretrainedEncoder.BGE_SMALL_ONNX,
                SentencePooling.CLS_NORMALIZED.describe(), Integer.toString(threads), "nospin",
                batches.toString(), vectors.toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0 || !out.contains("seconds=")) {
            throw new IllegalStateException("ONNX Runtime benchmark process failed: " + out);
        }
        return Double.parseDouble(out.substring(out.lastIndexOf("seconds=") + "seconds=".length()).strip());
    }

    private static String rates(List<Double> rates) {
        return String.join(" / ", rates.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList());
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
