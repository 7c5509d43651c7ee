package org.activelabeler.store.h2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.activelabeler.store.StoreException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 file database in a data folder, its schema brought up to date by Flyway on open.
 * Only one process can open a folder at a time.
 */
public final class H2Database implements AutoCloseable {
    public static final String FILE_STEM = "active-labeler";
    private final Path folder;
    private final JdbcConnectionPool pool;

    private H2Database(Path folder, JdbcConnectionPool pool) {
        this.folder = folder;
        this.pool = pool;
    }

    public static H2Database open(Path folder) {
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve(FILE_STEM) + ";DB_CLOSE_ON_EXIT=FALSE";
        try {
            Files.createDirectories(folder);
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
            try {
                Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            } catch (RuntimeException e) {
                pool.dispose();
                throw e;
            }
            return new H2Database(folder, pool);
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create the data folder " + folder + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw describe(folder, e);
        }
    }

    public Path folder() {
        return folder;
    }

    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw describe(folder, e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }

    static StoreException describe(Path folder, Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Database may be already in use") || message.contains("locked")) {
            return new StoreException("The database in " + folder + " is open in another Active Labeler process;"
                    + " close that one first, or use another folder with --db", e);
        }
        return new StoreException("Database error in " + folder + ": " + message, e);
    }
}
