package org.activelabeler.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.activelabeler.store.jdbc.JdbcDatasetStore;
import org.activelabeler.store.jdbc.JdbcLabelStore;
import org.activelabeler.store.jdbc.JdbcTrackingOutbox;
import org.activelabeler.dataset.DatasetInfo;
import org.activelabeler.dataset.LabelSet;
import org.activelabeler.labeling.LabelAction;
import org.activelabeler.labeling.LabelSource;
import org.activelabeler.labeling.QueueEntry;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database made by the schema before label sets (the last landed version, with its labels, a round,
 * a queue in p(positive) and an outbox record) opens after the migration with everything kept: the
 * dataset is the sentiment label set, the labels keep their classes, the queue its order.
 */
class LabelSetsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseOfTheSchemaBeforeLabelSetsOpensWithEverythingKept() throws Exception {
        Path folder = dir.resolve("old");
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve(H2Database.FILE_STEM) + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("4").load().migrate();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO dataset (id, name, source_path, content_sha256, labeled, row_count, review_count,"
                        + " tokenizer, tokenizer_sha256, imported_at) VALUES (1, 'imdb', '/data/imdb.csv', '"
                        + "a".repeat(64) + "', TRUE, 3, 3, 'bert', '" + "b".repeat(64) + "', CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO review (id, dataset_id, ordinal, first_line, occurrences, gold, text, token_ids)"
                        + " VALUES (10, 1, 0, 2, 1, 1, 'great', X'01000000'), (11, 1, 1, 3, 1, 0, 'awful', X'02000000'),"
                        + " (12, 1, 2, 4, 1, NULL, 'so so', X'03000000')");
                s.execute("INSERT INTO label_event (review_id, action, label, annotator, created_at) VALUES"
                        + " (10, 'LABEL', 1, 'alice', CURRENT_TIMESTAMP), (11, 'LABEL', 0, 'alice', CURRENT_TIMESTAMP),"
                        + " (12, 'SKIP', NULL, 'alice', CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO training_round (id, dataset_id, labels, model, strategy, train_ms, score_ms,"
                        + " created_at) VALUES (5, 1, 2, 'ngram-logistic', 'entropy', 10, 2, CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO queue_entry (dataset_id, rank, review_id, score, positive_probability, strategy,"
                        + " round_id) VALUES (1, 1, 12, 0.69, 0.3, 'entropy', 5)");
                s.execute("INSERT INTO tracking_outbox (kind, payload, created_at) VALUES ('run_end',"
                        + " '{\"run\":{\"experiment\":\"imdb\",\"key\":\"k\"},\"status\":\"FINISHED\",\"endMillis\":1}',"
                        + " CURRENT_TIMESTAMP)");
            }
        } finally {
            pool.dispose();
        }

        try (H2Database database = H2Database.open(folder)) {
            JdbcDatasetStore datasets = new JdbcDatasetStore(database);
            JdbcLabelStore labels = new JdbcLabelStore(database);
            DatasetInfo dataset = datasets.find(1).orElseThrow();
            assertThat(dataset.labels()).isEqualTo(LabelSet.SENTIMENT);
            assertThat(labels.currentLabels(1)).isEqualTo(Map.of(10L, 1, 11L, 0));
            assertThat(labels.currentLabels(1, LabelSource.HUMAN)).hasSize(2);
            assertThat(labels.skipped(1)).containsExactly(12L);
            assertThat(labels.rounds(1)).singleElement().satisfies(r -> assertThat(r.labels()).isEqualTo(2));
            assertThat(labels.queue(1)).containsExactly(new QueueEntry(12, 1, 0.69, 0, 0.7, "entropy"));
            assertThat(new JdbcTrackingOutbox(database).count()).isEqualTo(1);
            assertThat(datasets.loadCorpus(1, org.activelabeler.progress.Progress.NONE).gold())
                    .containsExactly(1, 0, -1);

            // the new range: a third class after adding it, nothing beyond the set
            datasets.addClass(1, "mixed");
            assertThat(datasets.find(1).orElseThrow().labels()).isEqualTo(LabelSet.of("negative", "positive", "mixed"));
            labels.record(12, LabelAction.LABEL, 2, "alice", LabelSource.HUMAN);
            assertThat(labels.currentLabels(1)).containsEntry(12L, 2);
            assertThatThrownBy(() -> labels.record(12, LabelAction.LABEL, 50, "alice", LabelSource.HUMAN))
                    .hasMessageContaining("LABEL_EVENT_CLASS");
        }
    }
}
