package io.fleetplan.adapters.jooq;

/** Draining a 100,000-order backlog on PostgreSQL. */
class PostgresBacklogDrainTest extends BacklogDrainCases {
    @Override
    protected TestDatabase database() {
        return TestDatabase.postgres("backlog");
    }
}
