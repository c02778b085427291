package io.fleetplan.adapters.memory;

import io.fleetplan.application.contract.UseCasesContract;
import io.fleetplan.application.port.out.Stores;

class MemoryUseCasesTest extends UseCasesContract {
    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
