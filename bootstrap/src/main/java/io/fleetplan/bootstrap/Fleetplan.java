package io.fleetplan.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Fleetplan embedded in another JVM program: the application service API over a store, with no
 * server. Ask it for any use-case interface of {@code io.fleetplan.application.port.in}:
 *
 * <pre>{@code
 * try (Fleetplan fleetplan = Fleetplan.inMemory()) {
 *     SubmitOrder submit = fleetplan.get(SubmitOrder.class);
 *     OrderView order = submit.submit(actor, new SubmitOrder.Command("cn-hangzhou", "H20", "acme",
 *             "EXTERNAL_LEASE", 64, null));
 * }
 * }</pre>
 */
public final class Fleetplan implements AutoCloseable {
    private final Injector injector;
    private final StoreModule store;

    private Fleetplan(Injector injector, StoreModule store) {
        this.injector = injector;
        this.store = store;
    }

    /** An instance over the in-memory store, on the system clock (UTC). */
    public static Fleetplan inMemory() {
        return inMemory(Clock.systemUTC());
    }

    public static Fleetplan inMemory(Clock clock) {
        return with(clock, new MemoryStoreModule());
    }

    /**
     * An instance over an H2 file database in {@code directory} (created if needed), the default
     * store of the server. Close it to close the database.
     */
    public static Fleetplan h2(Path directory, Clock clock) {
        return with(clock, DatabaseStoreModule.h2(directory));
    }

    /** An instance over a PostgreSQL database. Close it to close the connection pool. */
    public static Fleetplan postgres(String jdbcUrl, String user, String password, Clock clock) {
        return with(clock, DatabaseStoreModule.postgres(jdbcUrl, user, password));
    }

    static Fleetplan with(Clock clock, StoreModule storeModule) {
        Objects.requireNonNull(clock, "clock");
        return new Fleetplan(Guice.createInjector(Stage.DEVELOPMENT, new ApplicationModule(clock), storeModule),
                storeModule);
    }

    /** The injector, for the server module built over this instance. */
    Injector injector() {
        return injector;
    }

    /** The implementation of a use-case interface, such as {@code SubmitOrder.class}. */
    public <T> T get(Class<T> useCase) {
        return injector.getInstance(useCase);
    }

    @Override
    public void close() {
        store.close();
    }
}
