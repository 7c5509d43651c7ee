package org.activelabeler.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.activelabeler.progress.Progress;
import org.activelabeler.store.h2.H2Database;
import org.activelabeler.store.jdbc.JdbcDatasetStore;
import org.activelabeler.store.jdbc.JdbcLabelStore;
import org.activelabeler.testsupport.ImportedCsv;
import org.activelabeler.testsupport.SyntheticReviews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which review an audit slot draws: uniform over the open ones, never a closed one (real H2 records each draw). */
class AuditDrawsTest {
    private static final int REVIEWS = 2_000;

    @TempDir
    Path dir;
    private H2Database database;
    private LabelStore store;
    private long datasetId;
    private long[] ids;

    @BeforeEach
    void importDataset() {
        database = H2Database.open(dir.resolve("db"));
        Path file = SyntheticReviews.writeCsv(dir.resolve("reviews.csv"), new SyntheticReviews(5).distinct(REVIEWS));
        JdbcDatasetStore datasets = new JdbcDatasetStore(database);
        datasetId = ImportedCsv.into(datasets, file);
        ids = datasets.loadIndex(datasetId, Progress.NONE).reviewIds();
        store = new JdbcLabelStore(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aDrawIsUniformOverTheOpenReviewsAndNeverAClosedOne() {
        Set<Long> open = Set.of(ids[3], ids[700], ids[1_200], ids[1_999]);
        Map<Long, Integer> times = new HashMap<>();
        for (int seed = 0; seed < 400; seed++) {
            times.merge(firstDraw(open, seed), 1, Integer::sum);
        }
        assertThat(times.keySet()).isEqualTo(open);
        // 100 expected each; a standard deviation of about 8.7
        assertThat(times.values()).allSatisfy(count -> assertThat(count).isBetween(70, 130));
        assertThat(store.auditDraws(datasetId)).isEqualTo(open);
    }

    @Test
    void theOneOpenReviewIsFoundWhenDrawsAtRandomMissIt() {
        for (int seed = 0; seed < 20; seed++) {
            assertThat(firstDraw(Set.of(ids[1_234]), seed)).isEqualTo(ids[1_234]);
        }
    }

    @Test
    void withNothingOpenTheRankingServesAlone() {
        AuditDraws draws = new AuditDraws(store, datasetId, ids, Set.of());
        draws.mixIn(0.5, 1);
        assertThat(draws.next(2, 1, id -> false, n -> List.of(ids[0], ids[1]))).containsExactly(ids[0], ids[1]);
        assertThat(store.auditDraws(datasetId)).isEmpty();
    }

    /** The review the first slot draws, with every other slot an audit slot and the ranking empty. */
    private long firstDraw(Set<Long> open, long seed) {
        AuditDraws draws = new AuditDraws(store, datasetId, ids, Set.of());
        draws.mixIn(0.5, seed);
        List<Long> next = draws.next(1, 1, open::contains, n -> List.of());
        assertThat(next).hasSize(1);
        return next.get(0);
    }
}
