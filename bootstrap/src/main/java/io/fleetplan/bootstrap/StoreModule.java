package io.fleetplan.bootstrap;

import com.google.inject.AbstractModule;

/**
 * A module that provides the {@code Stores} of one kind of store and closes what it opened. The
 * store is opened lazily, the first time the application asks for it, never in {@code configure()}.
 */
abstract class StoreModule extends AbstractModule implements AutoCloseable {
    /** Closes the store if it was opened; idempotent. */
    @Override
    public abstract void close();
}
