package io.fleetplan.adapters.memory;

import io.fleetplan.application.contract.CapexAndEventsContract;
import io.fleetplan.application.port.out.Stores;

class MemoryCapexAndEventsTest extends CapexAndEventsContract {
    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
