package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.out.Stores;

/**
 * The databases the application's contract suites run on: one H2 and one PostgreSQL database per
 * test JVM, opened on first use, emptied before every test, closed when the JVM ends.
 */
final class ContractStores {
    private static DatabaseStores h2;
    private static DatabaseStores postgres;

    private ContractStores() {
    }

    static synchronized Stores h2() {
        if (h2 == null) {
            h2 = TestDatabase.h2("contracts").open();
            Runtime.getRuntime().addShutdownHook(new Thread(h2::close));
        }
        TestDatabase.wipe(h2);
        return h2.stores();
    }

    static synchronized Stores postgres() {
        if (postgres == null) {
            postgres = TestDatabase.postgres("contracts").open();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        }
        TestDatabase.wipe(postgres);
        return postgres.stores();
    }
}
