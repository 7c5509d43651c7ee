package org.activelabeler.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.activelabeler.dataset.Corpus;
import org.activelabeler.dataset.DatasetImporter;
import org.activelabeler.progress.Progress;
import org.activelabeler.testsupport.SyntheticReviews;
import org.activelabeler.text.hf.HuggingFaceTextTokenizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reviews drawn at random into the two-speed queue, in a real H2 file database. */
class H2AuditDrawsTest {
    @TempDir
    Path dir;
    private H2Database database;
    private Corpus first;
    private Corpus second;

    @BeforeEach
    void importTwoDatasets() {
        database = H2Database.open(dir.resolve("db"));
        first = importCsv("first.csv", 21);
        second = importCsv("second.csv", 22);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private Corpus importCsv(String name, long seed) {
        Path file = SyntheticReviews.writeCsv(dir.resolve(name), new SyntheticReviews(seed).distinct(8));
        H2DatasetStore datasets = new H2DatasetStore(database);
        try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.bundled()) {
            long datasetId = new DatasetImporter(datasets, tokenizer, new org.activelabeler.dataset.file.TextFiles()).importFile(file, Progress.NONE).dataset().id();
            return datasets.loadCorpus(datasetId, Progress.NONE);
        }
    }

    @Test
    void drawsComeBackInTheOrderDrawnPerDatasetAndSurviveClosingAndReopening() {
        long[] ids = first.reviewIds();
        long datasetId = first.dataset().id();
        H2LabelStore store = new H2LabelStore(database);
        assertThat(store.auditDraws(datasetId)).isEmpty();

        store.recordAuditDraws(datasetId, List.of(ids[5], ids[1]));
        store.recordAuditDraws(datasetId, List.of(ids[1], ids[6]));
        store.recordAuditDraws(datasetId, List.of());
        store.recordAuditDraws(second.dataset().id(), List.of(second.reviewIds()[0]));
        database.close();

        database = H2Database.open(dir.resolve("db"));
        H2LabelStore reopened = new H2LabelStore(database);
        assertThat(reopened.auditDraws(datasetId)).as("a review drawn again stays where it was")
                .containsExactly(ids[5], ids[1], ids[6]);
        assertThat(reopened.auditDraws(second.dataset().id())).containsExactly(second.reviewIds()[0]);
    }
}
