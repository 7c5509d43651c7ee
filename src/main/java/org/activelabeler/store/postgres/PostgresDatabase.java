package org.activelabeler.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.activelabeler.labeling.RoundTurn;
import org.activelabeler.store.StoreException;
import org.activelabeler.store.jdbc.Database;
import org.activelabeler.store.jdbc.Migrations;

/**
 * A team's database on a PostgreSQL server, its schema brought up to date by Flyway on open, over a
 * HikariCP pool. Any number of processes on any number of machines may open it at once. A commit is
 * durable when it returns ({@code synchronous_commit} is set on for every connection).
 */
public final class PostgresDatabase extends Database {
    private static final int POOL_SIZE = 4;
    private final PostgresAddress address;
    private final HikariDataSource pool;

    private PostgresDatabase(PostgresAddress address, HikariDataSource pool) {
        this.address = address;
        this.pool = pool;
    }

    /** Connects to {@code address} as its user with {@code password} (null for none) and migrates the schema. */
    public static PostgresDatabase open(PostgresAddress address, char[] password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(address.url());
        config.setUsername(address.user());
        if (password != null) {
            config.setPassword(new String(password));
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        // Connect once at start and fail at once with the server's reason (a wrong password, no such database),
        // rather than after the pool's wait for a connection.
        config.setInitializationFailTimeout(1);
        config.setConnectionInitSql("SET synchronous_commit = on");
        config.setPoolName("active-labeler " + address);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException(PostgresErrors.explain(address, e), e);
        }
        PostgresDatabase database = new PostgresDatabase(address, pool);
        try {
            Migrations.configure(pool, "classpath:db/postgresql").load().migrate();
            return database;
        } catch (RuntimeException e) {
            pool.close();
            throw database.describe(e);
        }
    }

    @Override
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw describe(e);
        }
    }

    @Override
    public String location() {
        return address.toString();
    }

    @Override
    public Optional<Path> folder() {
        return Optional.empty();
    }

    @Override
    public boolean shared() {
        return true;
    }

    /**
     * A session-level advisory lock ({@code pg_try_advisory_lock}), held on a connection of its own until
     * closed; the server lets it go if this process dies.
     */
    @Override
    public Optional<RoundTurn> tryLock(int space, long key) {
        Connection held = connection();
        try (PreparedStatement s = held.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            s.setInt(1, space);
            s.setInt(2, Long.hashCode(key));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return Optional.of(() -> unlock(held, space, key));
                }
            }
            held.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(held);
            throw describe(e);
        }
    }

    private void unlock(Connection held, int space, long key) {
        try (PreparedStatement s = held.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            s.setInt(1, space);
            s.setInt(2, Long.hashCode(key));
            s.execute();
        } catch (SQLException e) {
            throw describe(e);
        } finally {
            closeQuietly(held);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the pool replaces a broken connection
        }
    }

    /**
     * The driver fetches a query's rows in batches of the statement's fetch size only inside a transaction;
     * in auto-commit mode it holds the whole result in memory before the first row (a million reviews'
     * token ids: gigabytes). A read-only transaction, ended when the work is done.
     */
    @Override
    public <T> T readStreaming(Work<T> work) {
        return read(c -> {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        });
    }

    @Override
    protected void makeDurable(Connection committed) {
        // synchronous_commit is on: the commit returned after the server flushed its write-ahead log.
    }

    @Override
    protected StoreException describe(Exception e) {
        return new StoreException(PostgresErrors.explain(address, e), e);
    }

    @Override
    public void close() {
        pool.close();
    }
}
