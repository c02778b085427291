package io.fleetplan.bootstrap;

import com.google.inject.Module;
import io.fleetplan.adapters.cli.CliRuntime;
import io.fleetplan.adapters.cli.ServerSettings;
import io.fleetplan.adapters.cli.StartupFailure;
import io.fleetplan.adapters.cli.StoreSettings;

import java.time.Clock;

/** What the command line runs on: the store chosen once, here, from the settings, and the server over it. */
final class Launcher implements CliRuntime {
    private final Clock clock;

    Launcher(Clock clock) {
        this.clock = clock;
    }

    static Module storeModule(StoreSettings settings) {
        return switch (settings.kind()) {
            case MEMORY -> new MemoryStoreModule();
            case H2, POSTGRES -> throw new StartupFailure("the " + settings.kind().name().toLowerCase()
                    + " store is not part of this build; use --store memory", null);
        };
    }

    @Override
    public Session open(StoreSettings store) {
        Fleetplan fleetplan = Fleetplan.with(clock, storeModule(store));
        return new Session() {
            @Override
            public <T> T get(Class<T> useCase) {
                return fleetplan.get(useCase);
            }

            @Override
            public void close() {
                fleetplan.close();
            }
        };
    }

    @Override
    public void migrate(StoreSettings store) {
        open(store).close();
    }

    @Override
    public Server serve(Session session, ServerSettings settings) {
        throw new StartupFailure("the HTTP API is not part of this build", null);
    }
}
