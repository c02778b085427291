package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.out.UnitOfWork;
import io.fleetplan.domain.shared.ConflictException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The database unit of work: one JDBC transaction (READ COMMITTED) per use case, bound to the
 * calling thread so that every repository and the event log run on the same connection; a nested
 * call joins the transaction around it. An exception from the work rolls back and is rethrown
 * unchanged. A transaction the database aborted because of a concurrent one (serialisation
 * failure, deadlock, lock timeout) is run again from the start, a bounded number of times.
 */
final class Transactions implements UnitOfWork {
    static final int MAX_ATTEMPTS = 6;

    private final DataSource dataSource;
    private final SQLDialect dialect;
    private final Settings settings;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    Transactions(DataSource dataSource, SQLDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (RuntimeException e) {
                if (!SqlErrors.isTransient(e)) {
                    throw SqlErrors.unwrap(e);
                }
                if (attempt >= MAX_ATTEMPTS) {
                    ConflictException conflict = new ConflictException("concurrent-change", "the change collided with "
                            + "concurrent changes " + attempt + " times in a row; try again");
                    conflict.initCause(e);
                    throw conflict;
                }
                pause(attempt);
            }
        }
    }

    private <T> T once(Supplier<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataAccessException("cannot open a database connection", e);
        }
        try (connection) {
            Tx tx = new Tx(DSL.using(connection, dialect, settings));
            current.set(tx);
            boolean committed = false;
            try {
                T result = work.get();
                tx.beforeCommit();
                connection.commit();
                committed = true;
                return result;
            } finally {
                current.remove();
                if (!committed) {
                    rollback(connection);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("the transaction failed: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // The connection is broken: the pool discards it, and the database ends the transaction.
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("concurrent-change", "interrupted while retrying a conflicting change");
        }
    }

    /** The transaction in progress on this thread. */
    Tx tx() {
        Tx tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("the database store is used outside a unit of work");
        }
        return tx;
    }

    DSLContext dsl() {
        return tx().dsl();
    }

    /**
     * The rows matching {@code key}, locked until the transaction ends, as they are once the lock is
     * held. PostgreSQL's SELECT ... FOR UPDATE returns the row as the transaction that held the lock
     * left it; H2's may return the version it read before it waited, so on H2 the rows are read
     * again, in a new statement, once they are locked.
     */
    <R extends Record> List<R> lock(Table<R> table, Condition key, OrderField<?>... order) {
        DSLContext dsl = dsl();
        List<R> locked = dsl.selectFrom(table).where(key).orderBy(order).forUpdate().fetch();
        if (locked.isEmpty() || dialect != SQLDialect.H2) {
            return locked;
        }
        return dsl.selectFrom(table).where(key).orderBy(order).fetch();
    }
}
