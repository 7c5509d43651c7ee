package org.activelabeler.team;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.DatasetImporter;
import org.activelabeler.dataset.DatasetOrigin;
import org.activelabeler.dataset.file.TextFiles;
import org.activelabeler.labeling.LabelEvent;
import org.activelabeler.labeling.LabelingSession;
import org.activelabeler.progress.Progress;
import org.activelabeler.store.jdbc.JdbcClaimStore;
import org.activelabeler.store.jdbc.JdbcDatasetStore;
import org.activelabeler.store.jdbc.JdbcLabelStore;
import org.activelabeler.store.postgres.PostgresAddress;
import org.activelabeler.store.postgres.PostgresDatabase;
import org.activelabeler.testsupport.PostgresTestServer;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;

/**
 * Simulated annotators labeling one dataset at once on a real PostgreSQL server (started as the tests start
 * it), each with a connection pool of its own as a separate app would have, answering at once with the file's
 * label (no reading time: a stress test). Per run: labels per second sustained, the time to get the next
 * batch of texts (a claim) and to commit a label, at the median and the 99th percentile, and the check that
 * every label is there and none was given twice outside the overlap.
 *
 * <p>Usage: {@code TeamLabelingBench FILE SECONDS BATCH PACE ANNOTATORS...}, e.g. {@code imdb_pool.csv.gz 30 10 0 1 4 16};
 * PACE is each annotator's labels per second (0: as fast as the store allows), a person's pace being about 0.3.
 */
public final class TeamLabelingBench {
    private TeamLabelingBench() {
    }

    private record Annotator(int labels, long[] claimNanos, long[] labelNanos) {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long seconds = Long.parseLong(args[1]);
        int batch = Integer.parseInt(args[2]);
        double pace = Double.parseDouble(args[3]);
        PostgresTestServer server = PostgresTestServer.startForBenchmark();
        System.out.printf(Locale.ROOT, "%s, %d s per run, batches of %d, %s, overlap 10%%, %d cores%n",
                file.getFileName(), seconds, batch, pace > 0 ? pace + " labels/s per annotator" : "no reading time",
                Runtime.getRuntime().availableProcessors());
        System.out.println("annotators | labels/s | next batch p50 / p99 ms | label commit p50 / p99 ms | labels | check");
        for (int i = 4; i < args.length; i++) {
            run(server, file, seconds, batch, pace, Integer.parseInt(args[i]));
        }
        System.exit(0);
    }

    private static void run(PostgresTestServer server, Path file, long seconds, int batch, double pace, int annotators)
            throws Exception {
        PostgresAddress address = server.freshDatabase();
        char[] password = PostgresTestServer.PASSWORD.toCharArray();
        Corpus corpus;
        try (PostgresDatabase database = PostgresDatabase.open(address, password);
             HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.bundled()) {
            JdbcDatasetStore datasets = new JdbcDatasetStore(database);
            long id = new DatasetImporter(datasets, tokenizer, new TextFiles())
                    .importFile(file, DatasetOrigin.IMPORT, Progress.NONE).dataset().id();
            corpus = datasets.loadCorpus(id, Progress.NONE);
        }
        Map<Long, Integer> gold = new HashMap<>();
        for (int r = 0; r < corpus.size(); r++) {
            gold.put(corpus.reviewIds()[r], corpus.gold()[r]);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(annotators);
        List<Future<Annotator>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int a = 0; a < annotators; a++) {
            String name = "annotator-" + a;
            results.add(threads.submit(() -> annotate(address, password, corpus, gold, name, batch, pace, deadline)));
        }
        List<Annotator> done = new ArrayList<>();
        for (Future<Annotator> result : results) {
            done.add(result.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        int labels = done.stream().mapToInt(Annotator::labels).sum();
        String check;
        try (PostgresDatabase database = PostgresDatabase.open(address, password)) {
            check = check(new JdbcLabelStore(database).events(corpus.dataset().id()), labels,
                    new JdbcClaimStore(database).settings(corpus.dataset().id()));
        }
        long[] claims = done.stream().flatMapToLong(a -> Arrays.stream(a.claimNanos())).sorted().toArray();
        long[] commits = done.stream().flatMapToLong(a -> Arrays.stream(a.labelNanos())).sorted().toArray();
        System.out.printf(Locale.ROOT, "%10d | %8.1f | %10.2f / %7.2f | %12.2f / %7.2f | %6d | %s%n", annotators,
                labels / elapsed, ms(claims, 0.5), ms(claims, 0.99), ms(commits, 0.5), ms(commits, 0.99), labels, check);
    }

    private static Annotator annotate(PostgresAddress address, char[] password, Corpus corpus, Map<Long, Integer> gold,
                                      String name, int batch, double pace, long deadline) {
        List<Long> claimTimes = new ArrayList<>();
        List<Long> labelTimes = new ArrayList<>();
        int labels = 0;
        try (PostgresDatabase database = PostgresDatabase.open(address, password)) {
            JdbcLabelStore store = new JdbcLabelStore(database);
            TeamQueue queue = new TeamQueue(corpus, store, new JdbcClaimStore(database), name);
            LabelingSession session = new LabelingSession(corpus, store, name);
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                List<Long> next = queue.next(batch);
                claimTimes.add(System.nanoTime() - t0);
                if (next.isEmpty()) {
                    break;
                }
                for (long id : next) {
                    if (pace > 0) {
                        sleep((long) (1000 / pace));
                    }
                    long t1 = System.nanoTime();
                    session.label(id, gold.get(id));
                    labelTimes.add(System.nanoTime() - t1);
                    labels++;
                }
            }
        }
        return new Annotator(labels, claimTimes.stream().mapToLong(Long::longValue).toArray(),
                labelTimes.stream().mapToLong(Long::longValue).toArray());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String check(List<LabelEvent> events, int reported, TeamSettings settings) {
        Map<Long, List<String>> labelers = new HashMap<>();
        events.forEach(e -> labelers.computeIfAbsent(e.reviewId(), id -> new ArrayList<>()).add(e.annotator()));
        long twiceOutsideOverlap = labelers.entrySet().stream()
                .filter(e -> e.getValue().size() > settings.labelersOf(e.getKey())).count();
        long sameAnnotatorTwice = labelers.values().stream().filter(who -> who.stream().distinct().count() < who.size())
                .count();
        boolean ok = events.size() == reported && twiceOutsideOverlap == 0 && sameAnnotatorTwice == 0;
        return (ok ? "ok" : "FAILED") + String.format(Locale.ROOT, " (%d events stored, %d reported, %d over their"
                + " labelers)", events.size(), reported, twiceOutsideOverlap + sameAnnotatorTwice);
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
