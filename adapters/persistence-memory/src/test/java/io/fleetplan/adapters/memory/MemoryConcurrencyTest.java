package io.fleetplan.adapters.memory;

import io.fleetplan.application.contract.ConcurrencyContract;
import io.fleetplan.application.port.out.Stores;

class MemoryConcurrencyTest extends ConcurrencyContract {
    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
