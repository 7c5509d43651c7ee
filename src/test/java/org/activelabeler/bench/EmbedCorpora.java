package org.activelabeler.bench;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.activelabeler.embedding.Embeddings;
import org.activelabeler.embedding.file.SegmentVectorCache;
import org.activelabeler.embedding.file.VectorCacheFolder;
import org.activelabeler.progress.Progress;
import org.activelabeler.embedding.SentenceEncoder;
import org.activelabeler.training.djl.bert.BertSentenceEncoder;
import org.activelabeler.training.djl.bert.OnnxRuntimeSentenceEncoder;
import org.activelabeler.training.djl.bert.SentenceEncoders;
import org.activelabeler.training.djl.bert.EncoderCatalog;
import org.activelabeler.training.djl.bert.DownloadListener;
import org.activelabeler.training.djl.bert.PretrainedEncoder;

/**
 * Embeds the distinct texts of CSV files into the user's vector cache with the production encoder and
 * {@link Embeddings#embedAll}, logging progress, throughput and machine load. Rerun after a kill, it
 * resumes where it stopped.
 *
 * <p>Arguments: a log folder, then CSV files (a {@code review} or {@code text} column, optionally gzipped).
 * System properties: {@code encoder} (default bge-small-en-v1.5), {@value VectorCacheFolder#PROPERTY}.
 */
public final class EmbedCorpora {
    private EmbedCorpora() {
    }

    public static void main(String[] args) throws IOException {
        Path logFolder = Path.of(args[0]);
        Files.createDirectories(logFolder);
        Path log = logFolder.resolve("embed-corpora.log");
        Path summary = logFolder.resolve("embed-corpora-summary.txt");
        Path cacheRoot = VectorCacheFolder.resolve();
        PretrainedEncoder definition = EncoderCatalog.resolve(System.getProperty("encoder", "bge-small-en-v1.5"),
                org.activelabeler.app.DataFolder.resolve().resolve("encoders"), DownloadListener.NONE);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
             SentenceEncoder encoder = SentenceEncoders.open(definition);
             SegmentVectorCache cache = SegmentVectorCache.open(cacheRoot, encoder.space())) {
            String setup = String.format(Locale.ROOT, "encoder=%s %s tokens=%d chunk=%d cores=%d digest=%s cache=%s"
                    + " (%d vectors held)", encoder.name(), engine(encoder), encoder.tokenBudget(),
                    Embeddings.DEFAULT_CHUNK, Runtime.getRuntime().availableProcessors(), encoder.digest(),
                    cache.folder(), cache.size());
            line(out, "start " + setup);
            List<String> rows = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                Path file = Path.of(args[i]);
                List<String> texts = CorpusTexts.read(file);
                int before = cache.size();
                long start = System.nanoTime();
                Embeddings.embedAll(texts, encoder, cache, new LoggingProgress(out, file.getFileName().toString()));
                double seconds = (System.nanoTime() - start) / 1e9;
                int embedded = cache.size() - before;
                String row = String.format(Locale.ROOT, "%s texts=%d embedded_now=%d seconds=%.1f texts_per_s=%.2f"
                        + " load=%s", file.getFileName(), texts.size(), embedded, seconds,
                        embedded == 0 ? 0 : embedded / seconds, load());
                line(out, "done " + row);
                rows.add(row);
            }
            Files.writeString(summary, "# " + Instant.now() + " " + setup + "\n" + String.join("\n", rows) + "\n",
                    StandardCharsets.UTF_8);
            line(out, "finished; summary in " + summary);
        }
    }

    static String engine(SentenceEncoder encoder) {
        if (encoder instanceof OnnxRuntimeSentenceEncoder ort) {
            return "engine=onnxruntime-1.20.0 device=cpu threads=" + ort.threads() + " batch_tokens="
                    + ort.settings().batchTokens();
        }
        BertSentenceEncoder djl = (BertSentenceEncoder) encoder;
        return "engine=pytorch-" + Engine.getEngine("PyTorch").getVersion() + " device=" + djl.device() + " threads="
                + JniUtils.getNumThreads() + " interop=" + JniUtils.getNumInteropThreads() + " batch_tokens="
                + djl.settings().batchTokens() + " OMP_WAIT_POLICY=" + System.getenv().getOrDefault("OMP_WAIT_POLICY", "-");
    }

    static void line(PrintWriter out, String text) {
        out.println(Instant.now() + " " + text);
    }

    /** The 1, 5 and 15 minute load averages, to read throughput against. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** One log line a minute at most: texts done, overall and recent texts per second, load. */
    private static final class LoggingProgress implements Progress {
        private final PrintWriter out;
        private final String file;
        private final long start = System.nanoTime();
        private long lastLine;
        private long lastDone = -1;
        private long firstDone = -1;
        private long lastAt = start;

        LoggingProgress(PrintWriter out, String file) {
            this.out = out;
            this.file = file;
        }

        @Override
        public void update(String task, long done, long total) {
            long now = System.nanoTime();
            if (firstDone < 0) {
                firstDone = done;
                lastDone = done;
                line(out, String.format(Locale.ROOT, "%s: %d of %d distinct texts already in the cache", file, done, total));
                return;
            }
            if (now - lastLine < 60_000_000_000L && done < total) {
                return;
            }
            double overall = (done - firstDone) / ((now - start) / 1e9);
            double recent = (done - lastDone) / ((now - lastAt) / 1e9);
            line(out, String.format(Locale.ROOT, "%s: %d/%d texts, %.2f texts/s overall, %.2f texts/s last interval,"
                    + " load %s", file, done, total, overall, recent, load()));
            lastLine = now;
            lastDone = done;
            lastAt = now;
        }
    }
}
