package io.fleetplan.adapters.jooq;

import io.fleetplan.domain.shared.DomainException;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a database error means to the store: a retryable collision, a duplicate key, or a domain error wrapped. */
final class SqlErrors {
    /**
     * Serialisation failure (both databases; H2's deadlock), PostgreSQL's deadlock, H2's lock
     * timeout, PostgreSQL's lock timeout (a group commit waits at most
     * {@link Transactions#GROUP_LOCK_TIMEOUT_MS} for a lock).
     */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "HYT00", "55P03");
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException) {
                return false;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && TRANSIENT.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean isUniqueViolation(Throwable e) {
        for (SQLException sql : sqlExceptions(e)) {
            if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the unique violation is of the named constraint (PostgreSQL and H2 both name it in the message). */
    static boolean violates(Throwable e, String constraint) {
        for (SQLException sql : sqlExceptions(e)) {
            if (sql.getMessage() != null && sql.getMessage().toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The position of the first entry of a failed batch that failed (both drivers mark it, and
     * PostgreSQL stops there), or -1 when the error is not a batch's.
     */
    static int failedBatchEntry(Throwable e) {
        for (SQLException sql : sqlExceptions(e)) {
            if (sql instanceof BatchUpdateException batch) {
                int[] counts = batch.getUpdateCounts();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == Statement.EXECUTE_FAILED) {
                        return i;
                    }
                }
                return counts.length;
            }
        }
        return -1;
    }

    /** The SQL exceptions in {@code e}'s causes and, for a failed batch, the ones chained to them. */
    private static List<SQLException> sqlExceptions(Throwable e) {
        List<SQLException> out = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null && !out.contains(next); next = next.getNextException()) {
                    out.add(next);
                }
            }
        }
        return out;
    }

    /** A domain exception wrapped by jOOQ or JDBC comes out as itself; anything else as it is. */
    static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException domain) {
                return domain;
            }
        }
        return e;
    }
}
