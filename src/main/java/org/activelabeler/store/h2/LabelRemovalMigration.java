package org.activelabeler.store.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 6: a label can be removed (the REMOVE event). The first schema held {@code label_event.action}
 * to LABEL and SKIP in a CHECK constraint without a name; this finds and drops it, and checks the three
 * actions under a name instead.
 */
final class LabelRemovalMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6");
    }

    @Override
    public String getDescription() {
        return "label removal";
    }

    @Override
    public Integer getChecksum() {
        return 6;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        for (String constraint : actionChecks(c)) {
            execute(c, "ALTER TABLE label_event DROP CONSTRAINT \"" + constraint + "\"");
        }
        execute(c, "ALTER TABLE label_event ADD CONSTRAINT label_event_action"
                + " CHECK (action IN ('LABEL', 'SKIP', 'REMOVE'))");
    }

    /** The unnamed CHECK constraints of label_event that list the actions LABEL and SKIP. */
    private static List<String> actionChecks(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT t.CONSTRAINT_NAME, k.CHECK_CLAUSE"
                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS k"
                + " ON k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = t.CONSTRAINT_NAME"
                + " WHERE t.TABLE_NAME = 'LABEL_EVENT' AND t.CONSTRAINT_TYPE = 'CHECK'")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String clause = rs.getString(2).toUpperCase(java.util.Locale.ROOT).replace("\"", "");
                    if (clause.matches(".*\\bACTION IN ?\\('LABEL', ?'SKIP'\\).*")) {
                        names.add(rs.getString(1));
                    }
                }
            }
        }
        return names;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
