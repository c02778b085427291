package io.fleetplan.adapters.jooq;

import io.fleetplan.application.contract.OrderBookContract;
import io.fleetplan.application.port.out.Stores;

class H2OrderBookTest extends OrderBookContract {
    @Override
    protected Stores newStores() {
        return ContractStores.h2();
    }
}
