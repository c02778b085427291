package io.fleetplan.adapters.jooq;

import io.fleetplan.application.contract.AdmissionSequencesContract;
import io.fleetplan.application.port.out.Stores;

/** The admission sequences contract on Postgres: the shared contract database, emptied before every sequence. */
class PostgresAdmissionSequencesTest extends AdmissionSequencesContract {
    @Override
    protected Stores newStores() {
        return ContractStores.postgres();
    }

    @Override
    protected int sequences() {
        return 25;
    }
}
