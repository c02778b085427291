package io.fleetplan.adapters.memory;

import io.fleetplan.application.contract.PlanningContract;
import io.fleetplan.application.port.out.Stores;

class MemoryPlanningTest extends PlanningContract {
    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
