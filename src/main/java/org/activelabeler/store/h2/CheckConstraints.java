package org.activelabeler.store.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CHECK constraints of the first schema had no names; migrations that change them find them here by
 * their clause (upper case, without quotes), which plain SQL cannot do portably.
 */
final class CheckConstraints {
    private CheckConstraints() {
    }

    /** The names of the CHECK constraints of {@code table} whose clause matches {@code clauseRegex}. */
    static List<String> matching(Connection c, String table, String clauseRegex) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT t.CONSTRAINT_NAME, k.CHECK_CLAUSE"
                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS k"
                + " ON k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = t.CONSTRAINT_NAME"
                + " WHERE t.TABLE_NAME = ? AND t.CONSTRAINT_TYPE = 'CHECK'")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String clause = rs.getString(2).toUpperCase(Locale.ROOT).replace("\"", "");
                    if (clause.matches(clauseRegex)) {
                        names.add(rs.getString(1));
                    }
                }
            }
        }
        return names;
    }

    /** Drops the CHECK constraints of {@code table} whose clause matches {@code clauseRegex}. */
    static void dropMatching(Connection c, String table, String clauseRegex) throws SQLException {
        for (String constraint : matching(c, table, clauseRegex)) {
            execute(c, "ALTER TABLE " + table + " DROP CONSTRAINT \"" + constraint + "\"");
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
