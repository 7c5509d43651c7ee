package org.activelabeler.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.activelabeler.progress.CancelledException;
import org.activelabeler.progress.Progress;
import org.activelabeler.text.TextTokenizer;

/**
 * Imports a review file: reads and validates all of it, merges identical texts, tokenizes each
 * distinct text once, then hands the whole dataset to the store in one piece. Importing the same
 * content again changes nothing.
 */
public final class DatasetImporter {
    private static final int TOKENIZE_CHUNK = 500;

    private final DatasetStore store;
    private final TextTokenizer tokenizer;
    private final CsvReviewReader reader = new CsvReviewReader();

    public DatasetImporter(DatasetStore store, TextTokenizer tokenizer) {
        this.store = store;
        this.tokenizer = tokenizer;
    }

    /** Imports a file for annotators to label. */
    public ImportResult importFile(Path file, Progress progress) {
        return importFile(file, DatasetOrigin.IMPORT, progress);
    }

    /**
     * Imports a file; a file imported before is not read again. A file an experiment read before and
     * that is now imported for labeling becomes an {@link DatasetOrigin#IMPORT} dataset.
     */
    public ImportResult importFile(Path file, DatasetOrigin origin, Progress progress) {
        long start = System.nanoTime();
        progress.update("Reading " + file.getFileName(), 0, 1);
        SourceFile source = reader.read(file);
        progress.update("Reading " + file.getFileName(), 1, 1);
        Optional<DatasetInfo> existing = store.findByContent(source.sha256());
        if (existing.isPresent()) {
            DatasetInfo known = existing.get();
            if (origin == DatasetOrigin.IMPORT && known.origin() != DatasetOrigin.IMPORT) {
                known = store.markImported(known.id());
            }
            return new ImportResult(known, true, 0, 0, elapsedMillis(start));
        }
        Merged merged = merge(source.rows());
        int[][] tokens = tokenize(merged.texts(), progress);
        List<UniqueReview> reviews = new ArrayList<>(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            Entry entry = merged.entries().get(i);
            reviews.add(new UniqueReview(entry.text, entry.gold, entry.occurrences, entry.firstLine, tokens[i]));
        }
        String name = datasetName(file);
        NewDataset dataset = new NewDataset(name, file.toAbsolutePath().toString(), source.sha256(), source.labeled(),
                source.rows().size(), tokenizer.name(), tokenizer.digest(), origin, reviews);
        progress.checkCancelled();
        DatasetInfo saved = store.save(dataset, progress);
        return new ImportResult(saved, false, source.rows().size() - reviews.size(), merged.conflicts(),
                elapsedMillis(start));
    }

    /** The file name without {@code .csv} or {@code .csv.gz}. */
    public static String datasetName(Path file) {
        String name = file.getFileName().toString();
        return name.replaceFirst("(?i)\\.gz$", "").replaceFirst("(?i)\\.csv$", "");
    }

    private int[][] tokenize(List<String> texts, Progress progress) {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "tokenizer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<int[][]>> chunks = new ArrayList<>();
            for (int from = 0; from < texts.size(); from += TOKENIZE_CHUNK) {
                List<String> chunk = texts.subList(from, Math.min(texts.size(), from + TOKENIZE_CHUNK));
                chunks.add(pool.submit(() -> tokenizer.encode(chunk.stream().map(ReviewText::readable).toList())));
            }
            int[][] tokens = new int[texts.size()][];
            int done = 0;
            for (Future<int[][]> chunk : chunks) {
                if (progress.isCancelled()) {
                    throw new CancelledException();
                }
                int[][] ids = chunk.get();
                System.arraycopy(ids, 0, tokens, done, ids.length);
                done += ids.length;
                progress.update("Tokenizing", done, texts.size());
            }
            return tokens;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Tokenizing failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Merged merge(List<SourceRow> rows) {
        Map<String, Entry> byText = new LinkedHashMap<>();
        int conflicts = 0;
        for (SourceRow row : rows) {
            Entry entry = byText.get(row.text());
            if (entry == null) {
                byText.put(row.text(), new Entry(row.text(), row.gold(), row.line()));
            } else {
                entry.occurrences++;
                if (entry.gold != row.gold() && !entry.conflicting) {
                    entry.conflicting = true;
                    conflicts++;
                }
            }
        }
        return new Merged(new ArrayList<>(byText.values()), conflicts);
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static final class Entry {
        final String text;
        final Sentiment gold;
        final long firstLine;
        int occurrences = 1;
        boolean conflicting;

        Entry(String text, Sentiment gold, long firstLine) {
            this.text = text;
            this.gold = gold;
            this.firstLine = firstLine;
        }
    }

    private record Merged(List<Entry> entries, int conflicts) {
        List<String> texts() {
            return entries.stream().map(e -> e.text).toList();
        }
    }
}
