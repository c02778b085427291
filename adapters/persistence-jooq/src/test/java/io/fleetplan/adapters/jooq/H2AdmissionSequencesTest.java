package io.fleetplan.adapters.jooq;

import io.fleetplan.application.contract.AdmissionSequencesContract;
import io.fleetplan.application.port.out.Stores;

/** The admission sequences contract on H2: the shared contract database, emptied before every sequence. */
class H2AdmissionSequencesTest extends AdmissionSequencesContract {
    @Override
    protected Stores newStores() {
        return ContractStores.h2();
    }

    @Override
    protected int sequences() {
        return 20;
    }
}
