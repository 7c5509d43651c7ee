package org.activelabeler.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.activelabeler.progress.CancelledException;
import org.activelabeler.progress.Progress;
import org.activelabeler.store.h2.H2Database;
import org.activelabeler.store.jdbc.JdbcDatasetStore;
import org.activelabeler.testsupport.SyntheticReviews;
import org.activelabeler.testsupport.SyntheticReviews.Review;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatasetImporterTest {
    private static final List<String> TABLES = List.of("dataset", "review", "label_event", "queue_entry",
            "training_round");
    private static HuggingFaceTextTokenizer tokenizer;

    @TempDir
    Path dir;
    private H2Database database;
    private DatasetStore store;
    private DatasetImporter importer;

    @BeforeAll
    static void loadTokenizer() {
        tokenizer = HuggingFaceTextTokenizer.bundled();
    }

    @AfterAll
    static void closeTokenizer() {
        tokenizer.close();
    }

    @BeforeEach
    void openDatabase() {
        database = H2Database.open(dir.resolve("db"));
        store = new JdbcDatasetStore(database);
        importer = new DatasetImporter(store, tokenizer, new org.activelabeler.dataset.file.TextFiles());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private List<String> storedRows(long datasetId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT ordinal, first_line, occurrences, gold, text"
                     + " FROM review WHERE dataset_id = ? ORDER BY ordinal")) {
            s.setLong(1, datasetId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + "|" + rs.getLong(2) + "|" + rs.getInt(3) + "|" + rs.getObject(4)
                            + "|" + rs.getString(5));
                }
            }
        }
        return rows;
    }

    @Test
    void storesEachDistinctTextOnceWithItsOccurrencesAndGold() throws Exception {
        Path file = write("movies.csv", "review,sentiment\n"
                + "loved it,positive\n"
                + "hated it,negative\n"
                + "loved it,positive\n"
                + "meh,negative\n"
                + "loved it,positive\n"
                + "meh,positive\n");

        ImportResult result = importer.importFile(file, Progress.NONE);

        assertThat(result.alreadyImported()).isFalse();
        assertThat(result.duplicateRecords()).isEqualTo(3);
        assertThat(result.conflictingLabels()).isEqualTo(1);
        DatasetInfo info = result.dataset();
        assertThat(info.name()).isEqualTo("movies");
        assertThat(info.labeled()).isTrue();
        assertThat(info.rowCount()).isEqualTo(6);
        assertThat(info.reviewCount()).isEqualTo(3);
        assertThat(info.sourcePath()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(info.tokenizer()).isEqualTo(tokenizer.name());
        assertThat(info.tokenizerSha256()).isEqualTo(tokenizer.digest());
        assertThat(storedRows(info.id())).containsExactly(
                "0|2|3|1|loved it",
                "1|3|1|0|hated it",
                "2|5|2|0|meh");
        assertThat(store.list()).containsExactly(info);
    }

    @Test
    void keepsGoldLabelsAndLeavesThemOutForUnlabeledFiles() throws Exception {
        List<Review> reviews = new SyntheticReviews(7).distinct(20);
        DatasetInfo labeled = importer.importFile(SyntheticReviews.writeCsv(dir.resolve("l.csv"), reviews),
                Progress.NONE).dataset();
        DatasetInfo unlabeled = importer.importFile(write("u.csv", "review\nfirst\nsecond\n"), Progress.NONE)
                .dataset();

        Corpus corpus = store.loadCorpus(labeled.id(), Progress.NONE);
        assertThat(corpus.gold()).containsExactly(reviews.stream().mapToInt(r -> r.positive() ? 1 : 0).toArray());
        assertThat(corpus.fullyLabeled()).isTrue();
        Corpus none = store.loadCorpus(unlabeled.id(), Progress.NONE);
        assertThat(none.gold()).containsExactly(-1, -1);
        assertThat(none.fullyLabeled()).isFalse();
        assertThat(unlabeled.labeled()).isFalse();
    }

    @Test
    void reimportingTheSameContentChangesNothing() throws Exception {
        List<Review> reviews = new SyntheticReviews(3).distinct(15);
        Path first = SyntheticReviews.writeCsv(dir.resolve("a.csv"), reviews);
        DatasetInfo original = importer.importFile(first, Progress.NONE).dataset();
        Map<String, Long> before = rowCounts();
        Path copy = SyntheticReviews.writeCsv(dir.resolve("same-content-other-name.csv"), reviews);
        Path zipped = dir.resolve("a.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped))) {
            out.write(SyntheticReviews.toCsv(reviews).getBytes(StandardCharsets.UTF_8));
        }

        for (Path again : List.of(first, copy, zipped)) {
            ImportResult result = importer.importFile(again, Progress.NONE);

            assertThat(result.alreadyImported()).isTrue();
            assertThat(result.dataset()).isEqualTo(original);
            assertThat(rowCounts()).isEqualTo(before);
        }
        assertThat(before).containsEntry("dataset", 1L).containsEntry("review", 15L);
    }

    @Test
    void importsGzipFiles() throws Exception {
        List<Review> reviews = new SyntheticReviews(11).distinct(10);
        Path zipped = dir.resolve("train.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped))) {
            out.write(SyntheticReviews.toCsv(reviews).getBytes(StandardCharsets.UTF_8));
        }

        DatasetInfo info = importer.importFile(zipped, Progress.NONE).dataset();

        assertThat(info.name()).isEqualTo("train");
        assertThat(info.reviewCount()).isEqualTo(10);
        Corpus corpus = store.loadCorpus(info.id(), Progress.NONE);
        assertThat(store.reviewText(corpus.reviewIds()[3])).isEqualTo(reviews.get(3).text());
    }

    @Test
    void storesTheTokenIdsOfTheReadableText() {
        List<Review> reviews = new ArrayList<>(new SyntheticReviews(5).distinct(30));
        reviews.set(0, new Review("Loved it.<br /><br />The \u0093cast\u0094 was great", "positive"));
        reviews.set(1, new Review("Boring, \"boring\", BORING!", "negative"));
        Path file = SyntheticReviews.writeCsv(dir.resolve("tokens.csv"), reviews);

        Corpus corpus = store.loadCorpus(importer.importFile(file, Progress.NONE).dataset().id(), Progress.NONE);

        assertThat(corpus.size()).isEqualTo(30);
        List<String> stored = new ArrayList<>();
        for (long id : corpus.reviewIds()) {
            stored.add(store.reviewText(id));
        }
        assertThat(stored).containsExactlyElementsOf(reviews.stream().map(Review::text).toList());
        int[][] expected = tokenizer.encode(stored.stream().map(ReviewText::readable).toList());
        assertThat(corpus.tokenIds()).isDeepEqualTo(expected);
        assertThat(corpus.tokenIds()[0]).isNotEqualTo(tokenizer.encode(List.of(stored.get(0)))[0]);
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("header only", bytes("review,sentiment\n")),
                Arguments.of("one class only", bytes("text,label\nfine,Sports\nodd,Sports\n")),
                Arguments.of("no text column", bytes("body,sentiment\nfine,positive\n")),
                Arguments.of("field count", bytes("review,sentiment\nfine,positive\nnot, quoted,negative\n")),
                Arguments.of("empty review", bytes("review,sentiment\nfine,positive\n\"\",negative\n")),
                Arguments.of("unterminated quote", bytes("review,sentiment\nfine,positive\n\"open,negative\n")),
                Arguments.of("invalid utf-8", new byte[] {'r', 'e', 'v', 'i', 'e', 'w', '\n', 'a', (byte) 0xFF, '\n'}));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void aMalformedFileLeavesAnEmptyDatabaseEmpty(String problem, byte[] content) throws Exception {
        Path file = Files.write(dir.resolve("bad.csv"), content);
        Map<String, Long> before = rowCounts();

        assertThatThrownBy(() -> importer.importFile(file, Progress.NONE)).isInstanceOf(DatasetFormatException.class);

        assertThat(rowCounts()).isEqualTo(before).containsEntry("dataset", 0L);
        assertThat(store.list()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void aMalformedFileLeavesExistingDatasetsAsTheyWere(String problem, byte[] content) throws Exception {
        DatasetInfo existing = importer.importFile(
                SyntheticReviews.writeCsv(dir.resolve("good.csv"), new SyntheticReviews(1).distinct(12)),
                Progress.NONE).dataset();
        List<String> existingRows = storedRows(existing.id());
        Map<String, Long> before = rowCounts();
        Path file = Files.write(dir.resolve("bad.csv"), content);

        assertThatThrownBy(() -> importer.importFile(file, Progress.NONE)).isInstanceOf(DatasetFormatException.class);

        assertThat(rowCounts()).isEqualTo(before).containsEntry("dataset", 1L).containsEntry("review", 12L);
        assertThat(store.list()).containsExactly(existing);
        assertThat(storedRows(existing.id())).isEqualTo(existingRows);
    }

    /** Cancels the import as soon as a progress update for {@code task} arrives. */
    private static final class CancelOn implements Progress {
        private final String task;
        private volatile boolean cancelled;
        private final List<String> seen = new ArrayList<>();

        CancelOn(String task) {
            this.task = task;
        }

        @Override
        public void update(String task, long done, long total) {
            seen.add(task);
            if (task.startsWith(this.task)) {
                cancelled = true;
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Tokenizing", "Saving"})
    void cancellingMidImportWritesNothing(String cancelDuring) throws Exception {
        DatasetInfo existing = importer.importFile(
                SyntheticReviews.writeCsv(dir.resolve("first.csv"), new SyntheticReviews(2).distinct(5)),
                Progress.NONE).dataset();
        Map<String, Long> before = rowCounts();
        // more than one tokenizing chunk (500) and one saving batch (1000), so work remains after the first update
        Path file = SyntheticReviews.writeCsv(dir.resolve("big.csv"), new SyntheticReviews(9).distinct(1500));
        CancelOn progress = new CancelOn(cancelDuring);

        assertThatThrownBy(() -> importer.importFile(file, progress)).isInstanceOf(CancelledException.class);

        assertThat(progress.seen).contains(cancelDuring);
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(store.list()).containsExactly(existing);
        ImportResult retry = importer.importFile(file, Progress.NONE);
        assertThat(retry.alreadyImported()).isFalse();
        assertThat(retry.dataset().reviewCount()).isEqualTo(1500);
    }
}
