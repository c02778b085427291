package io.fleetplan.adapters.jooq;

import java.nio.file.Path;
import java.util.List;

/**
 * Durability of the H2 file store. H2 buffers commits for up to a second by default; the store
 * opens it with WRITE_DELAY=0, and the kill test proves that an acknowledged commit survives SIGKILL.
 * The kill test also caught H2 bringing back part of a transaction that was open when the process
 * died, while other threads committed; the store now lets one transaction at a time change an H2
 * database (see {@code Transactions}), and the test runs four writer threads to keep that honest.
 */
class H2DurabilityTest extends DurabilityCases {
    @Override
    protected TestDatabase database() {
        return TestDatabase.h2("durability");
    }

    @Override
    protected List<String> writerArguments(DatabaseStores open) {
        String url = open.url();
        String file = url.substring("jdbc:h2:file:".length(), url.indexOf(';'));
        return List.of("h2", Path.of(file).getParent().toString());
    }
}
