package io.fleetplan.adapters.jooq;

import io.fleetplan.application.contract.AdmissionSequencesContract;
import io.fleetplan.application.port.out.Stores;
import org.junit.jupiter.api.AfterAll;

/** The admission sequences contract on H2: one database, emptied before every sequence. */
class H2AdmissionSequencesTest extends AdmissionSequencesContract {
    private static DatabaseStores store;

    @Override
    protected Stores newStores() {
        if (store == null) {
            store = TestDatabase.h2("admission").open();
        }
        TestDatabase.wipe(store);
        return store.stores();
    }

    @Override
    protected int sequences() {
        return 20;
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
