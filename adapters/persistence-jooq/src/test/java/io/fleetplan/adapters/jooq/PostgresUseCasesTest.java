package io.fleetplan.adapters.jooq;

import io.fleetplan.application.contract.UseCasesContract;
import io.fleetplan.application.port.out.Stores;

class PostgresUseCasesTest extends UseCasesContract {
    @Override
    protected Stores newStores() {
        return ContractStores.postgres();
    }
}
