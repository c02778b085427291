package io.fleetplan.adapters.memory;

import io.fleetplan.application.port.out.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Transactions of the in-memory store: one at a time (one lock, not fair: a thread that just
 * finished may take it again first, which keeps the store fast), so every use case sees and
 * leaves a consistent state; a nested call joins the transaction around it. A failure rolls every
 * table back to where the transaction began.
 */
final class MemoryUnitOfWork implements UnitOfWork {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Transactional> parts = new ArrayList<>();

    /** Adds a table to what commits and rolls back; all are registered before the store is handed out. */
    void register(Transactional part) {
        parts.add(part);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            try {
                T result = work.get();
                parts.forEach(Transactional::commit);
                return result;
            } catch (RuntimeException | Error e) {
                parts.forEach(Transactional::rollback);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    void requireTransaction() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the in-memory store is used outside a unit of work");
        }
    }
}
