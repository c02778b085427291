package io.fleetplan.adapters.cli;

/** A start-up problem the user can fix (unreachable database, port in use): reported as one line, exit 1. */
public final class StartupFailure extends RuntimeException {
    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
