package org.activelabeler.store.h2;

import java.sql.Connection;
import java.sql.SQLException;
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
        return CheckConstraints.matching(c, "LABEL_EVENT", ".*\\bACTION IN ?\\('LABEL', ?'SKIP'\\).*");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        CheckConstraints.execute(c, sql);
    }
}
