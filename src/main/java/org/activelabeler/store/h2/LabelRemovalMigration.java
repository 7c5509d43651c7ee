package org.activelabeler.store.h2;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 6: a label can be removed (the REMOVE event). The first schema held {@code label_event.action}
 * to LABEL and SKIP in a CHECK constraint without a name; this finds and drops it, and checks the three
 * actions under a name instead.
 */
final class LabelRemovalMigration extends NumberedMigration {

    LabelRemovalMigration() {
        super(6, "label removal");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        CheckConstraints.dropMatching(c, "LABEL_EVENT", ".*\\bACTION IN ?\\('LABEL', ?'SKIP'\\).*");
        execute(c, "ALTER TABLE label_event ADD CONSTRAINT label_event_action"
                + " CHECK (action IN ('LABEL', 'SKIP', 'REMOVE'))");
    }
}
