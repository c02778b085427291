package io.fleetplan.bootstrap;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.fleetplan.adapters.jooq.DatabaseStores;
import io.fleetplan.application.port.out.Stores;

import java.nio.file.Path;
import java.util.function.Supplier;

/** The database store: an H2 file database in a directory, or a PostgreSQL server. Migrated when opened. */
public final class DatabaseStoreModule extends StoreModule {
    private final Supplier<DatabaseStores> opener;
    private volatile DatabaseStores opened;

    private DatabaseStoreModule(Supplier<DatabaseStores> opener) {
        this.opener = opener;
    }

    public static DatabaseStoreModule h2(Path directory) {
        return new DatabaseStoreModule(() -> DatabaseStores.h2(directory));
    }

    public static DatabaseStoreModule postgres(String jdbcUrl, String user, String password) {
        return new DatabaseStoreModule(() -> DatabaseStores.postgres(jdbcUrl, user, password));
    }

    @Provides
    @Singleton
    Stores stores() {
        opened = opener.get();
        return opened.stores();
    }

    @Override
    public void close() {
        DatabaseStores store = opened;
        opened = null;
        if (store != null) {
            store.close();
        }
    }
}
