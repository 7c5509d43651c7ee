package org.activelabeler.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.nio.file.Path;
import org.activelabeler.labeling.RoundTurn;
import org.activelabeler.store.StoreException;

/**
 * A database the stores work on, H2 in a data folder or a PostgreSQL server: pooled connections, reads
 * outside any transaction and writes in one transaction each that is durable when {@link #write} returns.
 */
public abstract class Database implements AutoCloseable {

    /** Work on one connection; {@link #write} runs it in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A pooled connection in auto-commit mode, for reads; the caller closes it. */
    public abstract Connection connection();

    /** Where the database is, for messages: a folder, or a server address without credentials. */
    public abstract String location();

    /** The data folder of an embedded database; empty for a server. */
    public abstract Optional<Path> folder();

    /** Whether several processes may work on this database at once (a server), or only one (a file). */
    public abstract boolean shared();

    /** Makes what the last commit wrote survive a killed process and, where the disk honours it, a power loss. */
    protected abstract void makeDurable(Connection committed) throws SQLException;

    /** A message that says what went wrong with this database and what to do. */
    protected abstract StoreException describe(Exception e);

    /**
     * Takes the lock {@code (space, key)} for every process on this database, without waiting; empty when
     * another holder has it. Closing what it returns gives it back.
     */
    public abstract Optional<RoundTurn> tryLock(int space, long key);

    /** Runs {@code work} on a connection of its own, outside any transaction of the caller's. */
    public <T> T read(Work<T> work) {
        try (Connection c = connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw describe(e);
        }
    }

    /**
     * As {@link #read}, for a query whose rows the work walks once, in order, and that may be too many to
     * gather first (every review of a dataset): the database hands the rows on as they are read where it
     * can, instead of collecting the whole result, on disk past a size, before the first row.
     */
    public <T> T readStreaming(Work<T> work) {
        return read(work);
    }

    /**
     * Runs {@code work} in one transaction: it is committed and durable before this returns, or, on any
     * failure, rolled back whole.
     */
    public <T> T write(Work<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                c.setAutoCommit(true);
                makeDurable(c);
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                c.setAutoCommit(true);
                throw e;
            }
        } catch (SQLException e) {
            throw describe(e);
        }
    }

    @Override
    public abstract void close();
}
