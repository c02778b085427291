package io.fleetplan.adapters.jooq;

import io.fleetplan.application.contract.ConcurrencyContract;
import io.fleetplan.application.port.out.Stores;

/** The concurrency contract on H2, with fewer operations than in memory: every one is a database transaction. */
class H2ConcurrencyTest extends ConcurrencyContract {
    @Override
    protected Stores newStores() {
        return ContractStores.h2();
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
