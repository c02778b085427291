package io.fleetplan.adapters.cli;

import java.util.Optional;

/**
 * What the commands need from the program that runs them: opening a store with the application
 * service API over it, and serving it over HTTP. Bootstrap implements it with the real adapters;
 * a failure the user can fix is a {@link StartupFailure}.
 */
public interface CliRuntime {

    /** Opens the store (applying migrations) and the use cases over it. */
    Session open(StoreSettings store);

    /**
     * As {@link #open}, for a command that will {@link #serve} the session: the runtime may prepare
     * the HTTP server meanwhile, on another thread.
     */
    default Session openToServe(StoreSettings store) {
        return open(store);
    }

    /** Applies the store's migrations and closes it. */
    void migrate(StoreSettings store);

    /**
     * Starts the HTTP API over an open session. When the store has no token yet, creates the first
     * admin token (the bootstrap token when given) and reports its secret once.
     */
    Server serve(Session session, ServerSettings settings);

    /** An open store with the use cases over it. */
    interface Session extends AutoCloseable {
        /** The implementation of a use-case interface of {@code io.fleetplan.application.port.in}. */
        <T> T get(Class<T> useCase);

        @Override
        void close();
    }

    /** A running HTTP server. */
    interface Server {
        /** The base URL it serves, such as {@code http://127.0.0.1:8080}. */
        String url();

        /** The first admin token's secret, when this start created it. */
        Optional<String> createdAdminSecret();

        /** Blocks until the process is asked to stop (SIGTERM, Ctrl-C); in-flight requests finish. */
        void awaitShutdown() throws InterruptedException;
    }
}
