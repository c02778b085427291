package io.fleetplan.adapters.jooq;

/** Draining a 100,000-order backlog on H2. */
class H2BacklogDrainTest extends BacklogDrainCases {
    @Override
    protected TestDatabase database() {
        return TestDatabase.h2("backlog");
    }
}
