package io.fleetplan.adapters.jooq;

/** The repositories of the database store on an H2 file. */
class H2StoreTest extends StoreCases {
    @Override
    protected TestDatabase database() {
        return TestDatabase.h2("store");
    }
}
