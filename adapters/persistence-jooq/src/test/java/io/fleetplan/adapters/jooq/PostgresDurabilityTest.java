package io.fleetplan.adapters.jooq;

import java.util.List;

/** Durability of the PostgreSQL store: reopening, and a writer process killed mid-transaction. */
class PostgresDurabilityTest extends DurabilityCases {
    @Override
    protected TestDatabase database() {
        return TestDatabase.postgres("durability");
    }

    @Override
    protected List<String> writerArguments(DatabaseStores open) {
        return List.of("postgres", open.url());
    }
}
