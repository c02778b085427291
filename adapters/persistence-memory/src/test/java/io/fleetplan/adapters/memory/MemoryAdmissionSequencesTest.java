package io.fleetplan.adapters.memory;

import io.fleetplan.application.contract.AdmissionSequencesContract;
import io.fleetplan.application.port.out.Stores;

class MemoryAdmissionSequencesTest extends AdmissionSequencesContract {
    @Override
    protected Stores newStores() {
        return InMemoryStores.create();
    }
}
