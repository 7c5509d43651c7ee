package org.activelabeler.store.postgres;

import java.sql.SQLException;

/** What a failure to work with a PostgreSQL server means for the user, from its SQL state. */
final class PostgresErrors {
    private PostgresErrors() {
    }

    static String explain(PostgresAddress address, Throwable failure) {
        SQLException sql = firstSqlException(failure);
        String state = sql != null && sql.getSQLState() != null ? sql.getSQLState() : "";
        String reason = firstSentence(sql != null ? sql.getMessage() : String.valueOf(failure.getMessage()));
        if (state.startsWith("08")) {
            return "Cannot reach the PostgreSQL server at " + address.host() + ":" + address.port() + " (" + reason
                    + "): check that it runs and accepts connections from this machine, or correct the address (--db)";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "The PostgreSQL server at " + address.host() + ":" + address.port() + " refused user '" + address.user()
                    + "' (" + reason + "): set the password in ACTIVE_LABELER_DB_PASSWORD or PGPASSWORD, or name another"
                    + " user with ?user=NAME in --db";
        }
        if (state.equals("3D000")) {
            return "There is no database '" + address.database() + "' on " + address.host() + ":" + address.port()
                    + ": create it first (createdb -h " + address.host() + " -p " + address.port() + " -U "
                    + address.user() + " " + address.database() + ")";
        }
        return "Database error in " + address + ": " + reason;
    }

    /** The driver's reason up to its first full stop: the rest repeats advice given here. */
    private static String firstSentence(String message) {
        int stop = message.indexOf(". ");
        return stop > 0 ? message.substring(0, stop) : message.endsWith(".") ? message.substring(0, message.length() - 1)
                : message;
    }

    private static SQLException firstSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
