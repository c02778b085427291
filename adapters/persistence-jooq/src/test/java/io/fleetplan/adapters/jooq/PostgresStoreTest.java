package io.fleetplan.adapters.jooq;

/** The repositories of the database store on PostgreSQL. */
class PostgresStoreTest extends StoreCases {
    @Override
    protected TestDatabase database() {
        return TestDatabase.postgres("store");
    }
}
