package io.fleetplan.application.port.out;

import java.util.function.Supplier;

/**
 * One use case, one consistent change: everything the work does through the repositories and the
 * event log commits together or not at all. An exception thrown by the work rolls back and is
 * rethrown unchanged.
 */
public interface UnitOfWork {
    <T> T inTransaction(Supplier<T> work);

    /** Runs work that only reads; a store may use a cheaper transaction for it. */
    default <T> T readOnly(Supplier<T> work) {
        return inTransaction(work);
    }
}
