package io.fleetplan.adapters.jooq;

import io.fleetplan.application.contract.ReferenceDataContract;
import io.fleetplan.application.port.out.Stores;

class H2ReferenceDataTest extends ReferenceDataContract {
    @Override
    protected Stores newStores() {
        return ContractStores.h2();
    }
}
