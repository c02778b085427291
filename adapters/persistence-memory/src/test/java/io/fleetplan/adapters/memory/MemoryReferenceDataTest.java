package io.fleetplan.adapters.memory;

import io.fleetplan.application.contract.ReferenceDataContract;
import io.fleetplan.application.port.out.Stores;

class MemoryReferenceDataTest extends ReferenceDataContract {
    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
