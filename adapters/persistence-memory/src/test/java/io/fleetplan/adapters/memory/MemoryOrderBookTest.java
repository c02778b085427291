package io.fleetplan.adapters.memory;

import io.fleetplan.application.contract.OrderBookContract;
import io.fleetplan.application.port.out.Stores;

class MemoryOrderBookTest extends OrderBookContract {
    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
