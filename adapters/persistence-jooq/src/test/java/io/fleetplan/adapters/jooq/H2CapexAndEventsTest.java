package io.fleetplan.adapters.jooq;

import io.fleetplan.application.contract.CapexAndEventsContract;
import io.fleetplan.application.port.out.Stores;

class H2CapexAndEventsTest extends CapexAndEventsContract {
    @Override
    protected Stores newStores() {
        return ContractStores.h2();
    }
}
