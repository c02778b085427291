package io.fleetplan.adapters.jooq;

import io.fleetplan.application.contract.PlanningContract;
import io.fleetplan.application.port.out.Stores;

class H2PlanningTest extends PlanningContract {
    @Override
    protected Stores newStores() {
        return ContractStores.h2();
    }
}
