package io.fleetplan.adapters.jooq;

import io.fleetplan.application.contract.PlanningContract;
import io.fleetplan.application.port.out.Stores;

class PostgresPlanningTest extends PlanningContract {
    @Override
    protected Stores newStores() {
        return ContractStores.postgres();
    }
}
