package org.activelabeler.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.activelabeler.progress.CancelledException;
import org.activelabeler.progress.Progress;
import org.activelabeler.text.TextTokenizer;

/**
 * Imports a text file: reads and validates all of it, settles its label set, merges identical texts,
 * tokenizes each distinct text once, then hands the whole dataset to the store in one piece.
 * Importing the same content again changes nothing.
 */
public final class DatasetImporter {
    private static final int TOKENIZE_CHUNK = 500;

    private final DatasetStore store;
    private final TextTokenizer tokenizer;
    private final TextReader reader;

    public DatasetImporter(DatasetStore store, TextTokenizer tokenizer, TextReader reader) {
        this.store = store;
        this.tokenizer = tokenizer;
        this.reader = reader;
    }

    /** Imports a file for annotators to label, its columns and classes found in it. */
    public ImportResult importFile(Path file, Progress progress) {
        return importFile(file, ImportOptions.DEFAULT, progress);
    }

    public ImportResult importFile(Path file, DatasetOrigin origin, Progress progress) {
        return importFile(file, ImportOptions.DEFAULT.withOrigin(origin), progress);
    }

    /**
     * Imports a file; a file imported before is not read again. A file an experiment read before and
     * that is now imported for labeling becomes an {@link DatasetOrigin#IMPORT} dataset.
     */
    public ImportResult importFile(Path file, ImportOptions options, Progress progress) {
        long start = System.nanoTime();
        progress.update("Reading " + file.getFileName(), 0, 1);
        SourceFile source = reader.read(file, options.columns());
        progress.update("Reading " + file.getFileName(), 1, 1);
        Optional<DatasetInfo> existing = store.findByContent(source.sha256());
        if (existing.isPresent()) {
            DatasetInfo known = existing.get();
            if (options.origin() == DatasetOrigin.IMPORT && known.origin() != DatasetOrigin.IMPORT) {
                known = store.markImported(known.id());
            }
            return new ImportResult(known, true, 0, 0, elapsedMillis(start));
        }
        LabelSet labels = labelSet(source, options.labels());
        Merged merged = merge(source, labels);
        int[][] tokens = tokenize(merged.texts(), progress);
        List<UniqueReview> reviews = new ArrayList<>(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            Entry entry = merged.entries().get(i);
            reviews.add(new UniqueReview(entry.text, entry.gold, entry.id, entry.occurrences, entry.firstLine,
                    tokens[i]));
        }
        NewDataset dataset = new NewDataset(TextFormat.stem(file), file.toAbsolutePath().toString(), source.sha256(),
                source.labeled(), source.rows().size(), tokenizer.name(), tokenizer.digest(), options.origin(), labels,
                reviews);
        progress.checkCancelled();
        DatasetInfo saved = store.save(dataset, progress);
        return new ImportResult(saved, false, source.rows().size() - reviews.size(), merged.conflicts(),
                elapsedMillis(start));
    }

    /** The file name without its format's extensions. */
    public static String datasetName(Path file) {
        return TextFormat.stem(file);
    }

    /**
     * The declared set, else the file's classes sorted by name; the sentiment set the app began with
     * for a file without labels or with sentiment labels only (some files have one of the two so far).
     */
    static LabelSet labelSet(SourceFile source, LabelSet declared) {
        if (declared != null) {
            return declared;
        }
        Set<String> found = new LinkedHashSet<>();
        for (SourceRow row : source.rows()) {
            if (row.label() != null) {
                found.add(row.label());
            }
        }
        if (found.isEmpty() || found.stream().allMatch(label -> LabelSet.SENTIMENT.indexOf(label).isPresent())) {
            // a review file, perhaps with one of the two classes only so far
            return LabelSet.SENTIMENT;
        }
        String column = "the label column '" + source.columns().label() + "'";
        if (found.size() == 1) {
            throw new DatasetFormatException(source.path(), 0, column + " has one class only ('"
                    + found.iterator().next() + "'); declare the label set with --labels (for example --labels"
                    + " \"negative,positive\"), or import without labels (--label-column \"\")");
        }
        if (found.size() > LabelSet.MAX) {
            throw new DatasetFormatException(source.path(), 0, column + " has " + found.size() + " different values,"
                    + " more than the " + LabelSet.MAX + " classes a label set may have; is it the right column?"
                    + " Choose another with --label-column");
        }
        return LabelSet.sorted(found);
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

    /** One entry per distinct text, labels checked against the label set. */
    private static Merged merge(SourceFile source, LabelSet labels) {
        Map<String, Entry> byText = new LinkedHashMap<>();
        int conflicts = 0;
        for (SourceRow row : source.rows()) {
            int gold = -1;
            if (row.label() != null) {
                OptionalInt index = labels.indexOf(row.label());
                if (index.isEmpty()) {
                    throw new DatasetFormatException(source.path(), row.line(), "unknown label '" + row.label()
                            + "'; the label set is " + labels.quoted() + " (use one of those, add the class to --labels,"
                            + " or leave --labels out to take the file's classes)");
                }
                gold = index.getAsInt();
            }
            Entry entry = byText.get(row.text());
            if (entry == null) {
                byText.put(row.text(), new Entry(row.text(), gold, row.id(), row.line()));
            } else {
                entry.occurrences++;
                if (entry.gold != gold && !entry.conflicting) {
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
        final int gold;
        final String id;
        final long firstLine;
        int occurrences = 1;
        boolean conflicting;

        Entry(String text, int gold, String id, long firstLine) {
            this.text = text;
            this.gold = gold;
            this.id = id;
            this.firstLine = firstLine;
        }
    }

    private record Merged(List<Entry> entries, int conflicts) {
        List<String> texts() {
            return entries.stream().map(e -> e.text).toList();
        }
    }
}
