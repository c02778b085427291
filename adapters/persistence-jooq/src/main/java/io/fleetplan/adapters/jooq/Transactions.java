package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.out.UnitOfWork;
import io.fleetplan.domain.shared.ConflictException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.OrderField;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The database unit of work: one JDBC transaction (READ COMMITTED) per use case, bound to the
 * calling thread so that every repository and the event log run on the same connection; a nested
 * call joins the transaction around it. An exception from the work rolls back and is rethrown
 * unchanged. A transaction the database aborted because of a concurrent one (serialisation
 * failure, deadlock, lock timeout) is run again from the start, a bounded number of times.
 *
 * <p>An embedded database (H2) lives in this one process, and its changes are written by one
 * transaction at a time: a process-wide writer lock is held from the first statement of a change
 * to its commit. H2 writes the changes of every open transaction to the file whenever any of them
 * commits; after the process is killed it could bring back part of a transaction that was open
 * at that moment (a pool's figures without the order rows they count). With one writer, a commit
 * never writes another change half-done, and H2's row locks never wait. Read-only work does not
 * take the writer lock.
 *
 * <p>Changes wait in a queue and are committed together (group commit): the thread whose change
 * is first in the queue takes the writer lock and runs the waiting changes, up to
 * {@link #MAX_GROUP}, one after the other in one transaction, each behind a savepoint, and commits
 * once; then it wakes their threads and hands the queue to the next change. Before it takes the
 * waiting changes it gives the queue a moment ({@link #LINGER_NANOS}) to grow to the size of the
 * largest recent group, or the callers just woken would each find a group of one or two. The
 * changes share the transaction's held-back writes ({@link Tx.Deferred}): a pool several of them
 * lock is read once and written once, their orders and events are inserted in one batch each. A
 * change that fails is rolled back to its savepoint, with what it held back, and its caller gets
 * the exception; the others are unaffected. Each caller returns only after the commit that holds
 * its change, so nothing is acknowledged before it is durable.
 * Each change still runs alone, in order, and sees every change before it: the outcome is that of
 * the same changes committed one by one. If the shared transaction itself fails, every change in
 * it runs again on its own.
 *
 * <p>A database server (PostgreSQL) serialises concurrent transactions itself, on its row locks,
 * and is shared by other processes. Its changes are committed in groups as well, which spares a
 * commit (and its write to the log) per change: the lock is then this store's own, one group at
 * a time from this process, beside the transactions of every other one, and a group holds at most
 * {@link #SERVER_MAX_GROUP} changes (each savepoint that locks a row takes a subtransaction id, and
 * PostgreSQL slows every session down once a transaction has more than 64). There a group, one
 * change or more, waits at most {@link #GROUP_LOCK_TIMEOUT_MS} for any lock: another process may
 * hold a pool for seconds (a drain), and two processes' groups can lock the same pools in opposite
 * orders, which the server finds only after its {@code deadlock_timeout} (a second by default).
 * A group that fails that way, or any other, is handed back: once the store's lock is released,
 * each caller runs its own change in a transaction of its own, concurrently, waiting for locks as
 * long as it takes, so that one slow lock elsewhere holds up only the changes that need it.
 */
final class Transactions implements UnitOfWork {
    static final int MAX_ATTEMPTS = 6;
    /** The most changes one group commit carries. */
    static final int MAX_GROUP = 64;
    /** The most changes one group commit carries on a database server (see the class comment). */
    static final int SERVER_MAX_GROUP = 32;
    /**
     * The longest a group waits for as many changes as the last group had, a tenth of a
     * millisecond: the callers of the last group's changes were woken by its commit and are
     * probably placing their next ones. Like PostgreSQL's commit_delay, it trades that moment for
     * fewer commits; a lone caller (recent groups of one) never waits.
     */
    static final long LINGER_NANOS = 100_000L;
    /**
     * A group waits for the size of the largest of this many last groups: one small group (a
     * caller late by a moment) must not make every later one small too.
     */
    static final int RECENT_GROUPS = 16;
    /** The longest a group on a database server waits for one lock before its changes run on their own. */
    static final int GROUP_LOCK_TIMEOUT_MS = 100;
    /**
     * The group's lock timeout, for its transaction only; a change handed back waits as long as the
     * connection's own default lets it. Set per transaction, not per connection: see ADR 0006.
     */
    private static final String GROUP_LOCK_TIMEOUT_SQL = "SET LOCAL lock_timeout = '" + GROUP_LOCK_TIMEOUT_MS + "ms'";

    private final DataSource dataSource;
    private final SQLDialect dialect;
    private final Settings settings;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    /** Set while this thread runs read-only work, which does not hold the writer lock. */
    private final ThreadLocal<Boolean> reading = new ThreadLocal<>();
    /**
     * Held while a group is committed. On H2, by the one transaction that may change the database;
     * on a database server, by this store's one group at a time.
     */
    private final Lock writer;
    /** Whether the database lives in this process (H2), with one writer; else it is a server. */
    private final boolean embedded;
    /** Guards {@link #queue} and the outcome of every change in it. */
    private final ReentrantLock queueLock = new ReentrantLock();
    /** Changes waiting to be committed, in arrival order; the first one's thread commits the next group. */
    private final Deque<Change<?>> queue = new ArrayDeque<>();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong groupsRunAlone = new AtomicLong();
    /** Signalled when a change joins the queue. */
    private final java.util.concurrent.locks.Condition arrived = queueLock.newCondition();
    /** The sizes of the last groups committed, oldest overwritten first; guarded by the writer lock. */
    private final int[] recentGroups = new int[RECENT_GROUPS];
    private int nextRecent;

    /**
     * @param writer the lock every group commit holds: for H2, shared by everything in this process
     *               that opens the same database; for a database server, this store's own
     */
    Transactions(DataSource dataSource, SQLDialect dialect, Lock writer) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.writer = java.util.Objects.requireNonNull(writer, "writer");
        this.embedded = dialect == SQLDialect.H2;
        this.settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            if (embedded && reading.get() != null) {
                throw new IllegalStateException("a change was started inside read-only work, where it would "
                        + "not hold the writer lock; run it in its own unit of work");
            }
            return work.get();
        }
        return grouped(work);
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        reading.set(Boolean.TRUE);
        try {
            return withRetries(work);
        } finally {
            reading.remove();
        }
    }

    private <T> T withRetries(Supplier<T> work) {
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

    /** One change waiting for the writer lock, and what came of it once {@code done}. */
    private final class Change<T> {
        private final Supplier<T> work;
        /** Signalled when the change is done or is first in the queue. */
        private final java.util.concurrent.locks.Condition turn = queueLock.newCondition();
        private boolean done;
        /** The group failed on a database server: the caller runs the change itself, outside the store's lock. */
        private boolean handedBack;
        private T result;
        private Throwable failure;

        Change(Supplier<T> work) {
            this.work = work;
        }

        /** Runs the work in the transaction on this thread's connection; what it holds back is written later. */
        void runIn(Tx tx) {
            current.set(tx);
            try {
                result = work.get();
            } finally {
                current.remove();
            }
        }

        void runAlone() {
            try {
                result = withRetries(work);
                failure = null;
            } catch (RuntimeException | Error e) {
                result = null;
                failure = e;
            }
        }

        T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }

    private <T> T grouped(Supplier<T> work) {
        Change<T> change = new Change<>(work);
        List<Change<?>> group = new ArrayList<>();
        queueLock.lock();
        try {
            queue.addLast(change);
            arrived.signal();
            while (!change.done && !change.handedBack && queue.peekFirst() != change) {
                change.turn.awaitUninterruptibly();
            }
            if (change.done) {
                return change.outcome();
            }
        } finally {
            queueLock.unlock();
        }
        if (change.handedBack) {
            return withRetries(work);
        }
        // First in the queue: once the writer lock is ours, every change queued by then joins the group.
        writer.lock();
        try {
            queueLock.lock();
            try {
                // As many changes as the recent groups had are probably on their way (their callers
                // were just woken by a commit): wait for them a moment, to commit them together.
                int maxGroup = embedded ? MAX_GROUP : SERVER_MAX_GROUP;
                int expected = Math.min(largestRecentGroup(), maxGroup);
                long deadline = System.nanoTime() + LINGER_NANOS;
                while (queue.size() < expected) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        arrived.awaitNanos(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                for (Change<?> next : queue) {
                    if (group.size() == maxGroup) {
                        break;
                    }
                    group.add(next);
                }
            } finally {
                queueLock.unlock();
            }
            recentGroups[nextRecent] = group.size();
            nextRecent = (nextRecent + 1) % RECENT_GROUPS;
            commit(group);
        } finally {
            writer.unlock();
            queueLock.lock();
            try {
                for (Change<?> done : group) {
                    queue.removeFirst();
                    if (!done.handedBack) {
                        done.done = true;
                    }
                    done.turn.signal();
                }
                if (!queue.isEmpty()) {
                    queue.peekFirst().turn.signal();
                }
            } finally {
                queueLock.unlock();
            }
        }
        return change.handedBack ? withRetries(work) : change.outcome();
    }

    private int largestRecentGroup() {
        int largest = 1;
        for (int size : recentGroups) {
            largest = Math.max(largest, size);
        }
        return largest;
    }

    /**
     * Commits the group: on H2 alone when it is one change, else together, else (if that failed)
     * each alone; on a database server together, else (if that failed) handed back to the callers.
     */
    private void commit(List<Change<?>> group) {
        if (embedded && group.size() == 1) {
            group.get(0).runAlone();
            return;
        }
        try {
            runTogether(group);
        } catch (RuntimeException | Error e) {
            groupsRunAlone.incrementAndGet();
            for (Change<?> change : group) {
                if (embedded) {
                    change.runAlone();
                } else {
                    change.handedBack = true;
                }
            }
        }
    }

    private void runTogether(List<Change<?>> group) {
        Connection connection = open();
        try (connection) {
            boolean committed = false;
            Tx tx = new Tx(DSL.using(connection, dialect, settings), connection);
            try {
                if (!embedded) {
                    Jdbc.update(connection, GROUP_LOCK_TIMEOUT_SQL);
                }
                for (Change<?> change : group) {
                    // A change alone needs no savepoint: refused, it rolls back the transaction.
                    Savepoint savepoint = group.size() > 1 ? connection.setSavepoint() : null;
                    Tx.Mark mark = tx.mark();
                    try {
                        change.runIn(tx);
                        change.failure = null;
                    } catch (RuntimeException e) {
                        if (SqlErrors.isTransient(e)) {
                            throw e;
                        }
                        if (savepoint != null) {
                            connection.rollback(savepoint);
                        } else {
                            connection.rollback();
                        }
                        tx.restore(mark);
                        change.result = null;
                        change.failure = SqlErrors.unwrap(e);
                    }
                }
                // The writes every change held back, together: one batch per statement, a locked
                // pool written once however many changes it took.
                tx.beforeCommit();
                connection.commit();
                commits.incrementAndGet();
                committed = true;
            } finally {
                if (!committed) {
                    rollback(connection);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("the transaction failed: " + e.getMessage(), e);
        }
    }

    private Connection open() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataAccessException("cannot open a database connection", e);
        }
    }

    private <T> T once(Supplier<T> work) {
        Connection connection = open();
        try (connection) {
            Tx tx = new Tx(DSL.using(connection, dialect, settings), connection);
            current.set(tx);
            boolean committed = false;
            try {
                T result = work.get();
                tx.beforeCommit();
                connection.commit();
                commits.incrementAndGet();
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

    /** The lock a group commit holds; for this package's tests. */
    Lock writer() {
        return writer;
    }

    /** Groups whose shared transaction failed, so that each change ran again on its own; for this package's tests. */
    long groupsRunAlone() {
        return groupsRunAlone.get();
    }

    /** Transactions committed so far (a group commit counts once); for this package's tests. */
    long commits() {
        return commits.get();
    }

    /** How many changes wait to be committed; for this package's tests. */
    int waitingChanges() {
        queueLock.lock();
        try {
            return queue.size();
        } finally {
            queueLock.unlock();
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
     * left it. H2's may return the version it read before it waited; H2 runs with one writer at a
     * time, so nothing else holds a row lock there, nothing waits and the first read is current.
     */
    <R extends Record> List<R> lock(Table<R> table, Condition key, OrderField<?>... order) {
        return dsl().selectFrom(table).where(key).orderBy(order).forUpdate().fetch();
    }

    /**
     * The SQL of {@code query} in this store's dialect, with a {@code ?} for each bind value: for
     * the statements every admission runs, rendered once and run with {@link DSLContext#resultQuery}
     * or {@link DSLContext#execute} and new values, instead of being rendered on every call.
     */
    String render(Query query) {
        return DSL.using(dialect, settings).render(query);
    }
}
