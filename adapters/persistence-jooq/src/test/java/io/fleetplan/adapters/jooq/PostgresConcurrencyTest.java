package io.fleetplan.adapters.jooq;

import io.fleetplan.application.contract.ConcurrencyContract;
import io.fleetplan.application.port.out.Stores;

/** The concurrency contract on Postgres, with fewer operations than in memory: every one is a database transaction. */
class PostgresConcurrencyTest extends ConcurrencyContract {
    @Override
    protected Stores newStores() {
        return ContractStores.postgres();
    }

    @Override
    protected int threads() {
        return 8;
    }

    @Override
    protected int operationsPerThread() {
        return 40;
    }
}
