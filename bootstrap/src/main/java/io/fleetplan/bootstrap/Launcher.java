package io.fleetplan.bootstrap;

import io.fleetplan.adapters.cli.CliRuntime;
import io.fleetplan.adapters.cli.ServerSettings;
import io.fleetplan.adapters.cli.StartupFailure;
import io.fleetplan.adapters.cli.StoreSettings;
import io.fleetplan.adapters.http.HttpApi;
import io.fleetplan.adapters.http.HttpSettings;
import io.fleetplan.adapters.jooq.DatabaseStores;
import io.fleetplan.application.port.in.access.CreatedToken;
import io.fleetplan.application.port.in.access.ManageTokens;
import io.fleetplan.application.port.in.region.RegionQueries;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the command line runs on. The store is chosen once, here, from the settings; the server is
 * started over an open store and stopped by SIGTERM or Ctrl-C: requests under way finish, then the
 * HTTP server stops, then the store closes, in that order.
 */
final class Launcher implements CliRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
    private final Clock clock;

    Launcher(Clock clock) {
        this.clock = clock;
    }

    static StoreModule storeModule(StoreSettings settings) {
        return switch (settings.kind()) {
            case MEMORY -> new MemoryStoreModule();
            case H2 -> DatabaseStoreModule.h2(settings.dataDirectory());
            case POSTGRES -> DatabaseStoreModule.postgres(settings.jdbcUrl().orElseThrow(),
                    settings.user().orElse(null), settings.password().orElse(null));
        };
    }

    /** An open store: the embedded instance, and a latch that tells a stopping server the store is closed. */
    static final class OpenSession implements Session {
        final Fleetplan fleetplan;
        final CountDownLatch closed = new CountDownLatch(1);

        OpenSession(Fleetplan fleetplan) {
            this.fleetplan = fleetplan;
        }

        @Override
        public <T> T get(Class<T> useCase) {
            return fleetplan.get(useCase);
        }

        @Override
        public void close() {
            try {
                fleetplan.close();
            } finally {
                closed.countDown();
            }
        }
    }

    @Override
    public OpenSession openToServe(StoreSettings store) {
        preload(store);
        return open(store);
    }

    /**
     * Loads and initialises, on another thread, what the store's first query and the HTTP server
     * will need, while this thread builds the application and opens the store: start-up is mostly
     * class loading, and this way two cores share it.
     */
    private static void preload(StoreSettings store) {
        Thread preload = new Thread(() -> {
            long began = System.nanoTime();
            try {
                if (store.kind() != StoreSettings.Kind.MEMORY) {
                    DatabaseStores.preload();
                }
                HttpApi.preload();
                LOG.info("store and server classes preloaded in {} ms", (System.nanoTime() - began) / 1_000_000);
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("preloading failed; the server loads the same when it needs it", e);
            }
        }, "fleetplan-preload");
        preload.setDaemon(true);
        preload.start();
    }

    @Override
    public OpenSession open(StoreSettings store) {
        long began = System.nanoTime();
        Fleetplan fleetplan = Fleetplan.with(clock, storeModule(store));
        try {
            fleetplan.get(RegionQueries.class).regions();
            LOG.info("store opened ({}) in {} ms", store.describe(), (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException e) {
            fleetplan.close();
            throw new StartupFailure("cannot open the store (" + store.describe() + "): " + rootMessage(e), e);
        }
        return new OpenSession(fleetplan);
    }

    @Override
    public void migrate(StoreSettings store) {
        try {
            switch (store.kind()) {
                case MEMORY -> { }
                case H2 -> DatabaseStores.migrateH2(store.dataDirectory());
                case POSTGRES -> DatabaseStores.migratePostgres(store.jdbcUrl().orElseThrow(),
                        store.user().orElse(null), store.password().orElse(null));
            }
        } catch (RuntimeException e) {
            throw new StartupFailure("cannot migrate the store (" + store.describe() + "): " + rootMessage(e), e);
        }
    }

    @Override
    public Server serve(Session session, ServerSettings settings) {
        OpenSession open = (OpenSession) session;
        long began = System.nanoTime();
        Optional<CreatedToken> admin = open.get(ManageTokens.class).bootstrapAdmin(settings.bootstrapToken());
        HttpApi api = open.fleetplan.injector().createChildInjector(new HttpModule(httpSettings()))
                .getInstance(HttpApi.class);
        LOG.info("HTTP API built in {} ms", (System.nanoTime() - began) / 1_000_000);
        try {
            api.start(settings.host(), settings.port());
            LOG.info("HTTP server started in {} ms", (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException e) {
            throw new StartupFailure("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + rootMessage(e), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.stop();
            stopped.countDown();
            try {
                open.closed.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fleetplan-shutdown"));
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        String url = "http://" + host + ":" + api.port();
        return new Server() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public Optional<String> createdAdminSecret() {
                return admin.map(CreatedToken::secret);
            }

            @Override
            public void awaitShutdown() throws InterruptedException {
                stopped.await();
            }
        };
    }

    private static HttpSettings httpSettings() {
        HttpSettings defaults = HttpSettings.defaults();
        return Launcher.class.getResource("/dashboard/index.html") == null ? defaults
                : defaults.withStaticAssets("/dashboard");
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
