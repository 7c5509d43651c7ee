package org.activelabeler.store.h2;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 5: label sets are data. Every dataset gets its classes in {@code label_class}; datasets
 * made before are the two-class sentiment set (0 negative, 1 positive), so their labels keep their
 * meaning. The first schema limited {@code review.gold} and {@code label_event.label} to 0 and 1 in
 * CHECK constraints without names; this finds and drops them (which plain SQL cannot do portably)
 * and checks the new range instead. Reviews keep the id column of their file ({@code source_id}),
 * and the queue keeps each review's most probable class and its probability instead of p(positive).
 */
final class LabelSetsMigration extends NumberedMigration {

    LabelSetsMigration() {
        super(5, "label sets");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        dropZeroOrOneChecks(c, "REVIEW", "GOLD");
        dropZeroOrOneChecks(c, "LABEL_EVENT", "LABEL");
        execute(c, "ALTER TABLE review ADD CONSTRAINT review_gold_class CHECK (gold >= 0 AND gold < 50)");
        execute(c, "ALTER TABLE label_event ADD CONSTRAINT label_event_class CHECK (label >= 0 AND label < 50)");
        execute(c, "CREATE TABLE label_class ("
                + " dataset_id BIGINT NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,"
                + " ordinal SMALLINT NOT NULL,"
                + " name VARCHAR(255) NOT NULL,"
                + " PRIMARY KEY (dataset_id, ordinal))");
        execute(c, "INSERT INTO label_class (dataset_id, ordinal, name) SELECT id, 0, 'negative' FROM dataset");
        execute(c, "INSERT INTO label_class (dataset_id, ordinal, name) SELECT id, 1, 'positive' FROM dataset");
        execute(c, "ALTER TABLE review ADD COLUMN source_id VARCHAR(1024)");
        execute(c, "ALTER TABLE queue_entry ADD COLUMN top_class SMALLINT DEFAULT 0 NOT NULL");
        execute(c, "UPDATE queue_entry SET top_class = CASE WHEN positive_probability >= 0.5 THEN 1 ELSE 0 END,"
                + " positive_probability = CASE WHEN positive_probability >= 0.5 THEN positive_probability"
                + " ELSE 1 - positive_probability END");
        execute(c, "ALTER TABLE queue_entry RENAME COLUMN positive_probability TO top_probability");
    }

    /** Drops the unnamed CHECK constraints of the first schema that hold {@code column} to 0 or 1. */
    private static void dropZeroOrOneChecks(Connection c, String table, String column) throws SQLException {
        CheckConstraints.dropMatching(c, table, ".*\\b" + column + " IN ?\\(0, ?1\\).*");
    }
}
