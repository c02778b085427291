package io.fleetplan.adapters.cli;

import java.util.Optional;

/** Where the HTTP API listens, and the first admin token to use when the store has none. */
public record ServerSettings(String host, int port, Optional<String> bootstrapToken) {
}
