package io.fleetplan.adapters.memory;

/** Something the in-memory unit of work commits or rolls back. */
interface Transactional {
    void commit();

    void rollback();
}
