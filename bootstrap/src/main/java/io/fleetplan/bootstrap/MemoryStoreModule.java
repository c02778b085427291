package io.fleetplan.bootstrap;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.fleetplan.adapters.memory.InMemoryStores;
import io.fleetplan.application.port.out.Stores;

/** The in-memory store: nothing survives the process. */
public final class MemoryStoreModule extends StoreModule {
    @Provides
    @Singleton
    Stores stores() {
        return InMemoryStores.create();
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
