package io.fleetplan.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;

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

    private Fleetplan(Injector injector) {
        this.injector = injector;
    }

    /** An instance over the in-memory store, on the system clock (UTC). */
    public static Fleetplan inMemory() {
        return inMemory(Clock.systemUTC());
    }

    public static Fleetplan inMemory(Clock clock) {
        return with(clock, new MemoryStoreModule());
    }

    /** An instance over the store a module provides ({@code Stores}); for stores beyond the built-in ones. */
    public static Fleetplan with(Clock clock, Module storeModule) {
        Objects.requireNonNull(clock, "clock");
        return new Fleetplan(Guice.createInjector(Stage.DEVELOPMENT, new ApplicationModule(clock), storeModule));
    }

    /** The implementation of a use-case interface, such as {@code SubmitOrder.class}. */
    public <T> T get(Class<T> useCase) {
        return injector.getInstance(useCase);
    }

    @Override
    public void close() {
        // The in-memory store holds nothing to release; database stores close their pools here.
    }
}
