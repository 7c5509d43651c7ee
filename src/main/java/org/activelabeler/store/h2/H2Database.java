package org.activelabeler.store.h2;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.activelabeler.io.IoReasons;
import org.activelabeler.store.StoreException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 file database in a data folder, its schema brought up to date by Flyway on open.
 * Only one process can open a folder at a time.
 *
 * <p>Durability: H2 keeps committed changes in memory for up to half a second by default, so a
 * process killed with SIGKILL lost labels whose commit had returned. Here {@code WRITE_DELAY=0}
 * makes every commit write its changes to the file before it returns, and {@link #write} also
 * forces the file to the disk ({@code CHECKPOINT SYNC}, an fsync), so that what a write returned
 * from survives a killed process and, where the disk honours the sync, a power loss.
 */
public final class H2Database implements AutoCloseable {
    public static final String FILE_STEM = "active-labeler";
    private final Path folder;
    private final JdbcConnectionPool pool;

    /** Work on one connection; {@link #write} runs it in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private H2Database(Path folder, JdbcConnectionPool pool) {
        this.folder = folder;
        this.pool = pool;
    }

    /** Opens the database in {@code folder}, creating the folder and the database when missing. */
    public static H2Database open(Path folder) {
        requireFolder(folder);
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw notAFolder(folder);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + folder + ": " + IoReasons.of(e), e);
        }
        return connect(folder);
    }

    /** Opens the database in {@code folder} only if one is there; never creates anything. */
    public static H2Database openExisting(Path folder) {
        requireFolder(folder);
        if (!exists(folder)) {
            throw new StoreException("There is no Active Labeler database in " + folder
                    + " yet; import a file first (active-labeler import --data FILE --db " + folder + ")", null);
        }
        return connect(folder);
    }

    /** Whether {@code folder} holds a database. */
    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE_STEM + ".mv.db"));
    }

    /** @throws StoreException when {@code folder} is a file */
    public static void requireFolder(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw notAFolder(folder);
        }
    }

    private static StoreException notAFolder(Path folder) {
        return new StoreException(folder + " is a file, not a folder: --db takes the folder that holds (or will"
                + " hold) the database", null);
    }

    private static H2Database connect(Path folder) {
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve(FILE_STEM)
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        try {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
            try {
                Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                        .javaMigrations(new LabelSetsMigration(), new LabelRemovalMigration()).load().migrate();
            } catch (RuntimeException e) {
                pool.dispose();
                throw e;
            }
            return new H2Database(folder, pool);
        } catch (RuntimeException e) {
            throw describe(folder, e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** A pooled connection in auto-commit mode, for reads; the caller closes it. */
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw describe(folder, e);
        }
    }

    /** Runs {@code work} on a connection of its own, outside any transaction of the caller's. */
    public <T> T read(Work<T> work) {
        try (Connection c = connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw describe(folder, e);
        }
    }

    /**
     * Runs {@code work} in one transaction: it is committed and synced to the disk before this
     * returns, or, on any failure, rolled back whole.
     */
    public <T> T write(Work<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                c.setAutoCommit(true);
                try (Statement sync = c.createStatement()) {
                    sync.execute("CHECKPOINT SYNC");
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                c.setAutoCommit(true);
                throw e;
            }
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
