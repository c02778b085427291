package io.fleetplan.adapters.jooq;

import io.fleetplan.domain.shared.DomainException;

import java.sql.SQLException;
import java.util.Set;

/** What a database error means to the store: a retryable collision, a duplicate key, or a domain error wrapped. */
final class SqlErrors {
    /** Serialisation failure (both databases; H2's deadlock), PostgreSQL's deadlock, H2's lock timeout. */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "HYT00");
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
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the unique violation is of the named constraint (PostgreSQL and H2 both name it in the message). */
    static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
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
