package org.activelabeler.store.h2;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.activelabeler.labeling.RoundTurn;
import org.activelabeler.io.IoReasons;
import org.activelabeler.store.StoreException;
import org.activelabeler.store.jdbc.Database;
import org.activelabeler.store.jdbc.Migrations;
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
public final class H2Database extends Database {
    public static final String FILE_STEM = "active-labeler";
    private final Path folder;
    private final JdbcConnectionPool pool;
    private final Set<String> heldLocks = ConcurrentHashMap.newKeySet();

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
                Migrations.configure(pool, "classpath:db/migration")
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

    public Path path() {
        return folder;
    }

    @Override
    public Optional<Path> folder() {
        return Optional.of(folder);
    }

    @Override
    public String location() {
        return folder.toString();
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw describe(folder, e);
        }
    }

    /**
     * H2 gathers a query's whole result before it hands on the first row, into a temporary file past a
     * number of rows: a million reviews took 1.1-2.4 s that way, 0.5-0.7 s with lazy execution, which
     * reads the rows as the caller takes them. The connection goes back to the pool as it came.
     */
    @Override
    public <T> T readStreaming(Work<T> work) {
        return read(c -> {
            try (Statement lazy = c.createStatement()) {
                lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            try {
                return work.run(c);
            } finally {
                try (Statement eager = c.createStatement()) {
                    eager.execute("SET LAZY_QUERY_EXECUTION FALSE");
                }
            }
        });
    }

    /** Only one process opens an H2 folder, so a lock within this process is a lock for all. */
    @Override
    public Optional<RoundTurn> tryLock(int space, long key) {
        String name = space + ":" + key;
        if (!heldLocks.add(name)) {
            return Optional.empty();
        }
        return Optional.of(() -> heldLocks.remove(name));
    }

    @Override
    protected void makeDurable(Connection committed) throws SQLException {
        try (Statement sync = committed.createStatement()) {
            sync.execute("CHECKPOINT SYNC");
        }
    }

    @Override
    protected StoreException describe(Exception e) {
        return describe(folder, e);
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
