package org.activelabeler.store.h2;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/** A schema migration in Java, numbered as the SQL ones are, its number its checksum, in one transaction. */
abstract class NumberedMigration implements JavaMigration {
    private final int version;
    private final String description;

    NumberedMigration(int version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return version;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    static void execute(Connection c, String sql) throws SQLException {
        CheckConstraints.execute(c, sql);
    }
}
