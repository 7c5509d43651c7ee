package org.activelabeler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.activelabeler.store.h2.H2Database;
import org.activelabeler.store.postgres.PostgresDatabase;
import org.activelabeler.testsupport.PostgresTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two histories of the schema (H2's first six versions, PostgreSQL's copy of them, then the portable ones)
 * end in the same tables, columns and migration versions, so that a store works alike on both and
 * {@code move} finds every column on the other side.
 */
class SchemaParityTest {
    @TempDir
    Path dir;

    @Test
    void bothDatabasesHaveTheSameTablesColumnsAndVersions() throws SQLException {
        PostgresTestServer server = PostgresTestServer.require();
        try (Database h2 = H2Database.open(dir.resolve("db"));
             Database postgres = PostgresDatabase.open(server.freshDatabase(), PostgresTestServer.PASSWORD.toCharArray())) {
            Set<String> h2Columns = columns(h2);
            assertThat(h2Columns).contains("review_claim.expires_at", "tracking_outbox.owner", "label_class.name");
            assertThat(columns(postgres)).isEqualTo(h2Columns);
            assertThat(versions(postgres)).isEqualTo(versions(h2)).contains("1", "6", "9");
        }
    }

    private static Set<String> columns(Database database) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (Connection c = database.connection()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!table.equals("flyway_schema_history")) {
                        columns.add(table + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return columns;
    }

    private static Set<String> versions(Database database) {
        return database.read(c -> {
            Set<String> versions = new TreeSet<>();
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT \"version\" FROM"
                    + " \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            return versions;
        });
    }
}
