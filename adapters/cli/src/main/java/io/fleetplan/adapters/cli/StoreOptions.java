package io.fleetplan.adapters.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** The options that choose a store, shared by every command that opens one. */
final class StoreOptions {
    @Option(names = "--store", defaultValue = "h2", paramLabel = "memory|h2|postgres",
            description = "Where data lives: memory, an H2 file database (default), or PostgreSQL. Env FLEETPLAN_STORE.")
    String store;

    @Option(names = "--data-dir", defaultValue = "fleetplan-data", paramLabel = "DIR",
            description = "Directory of the H2 database (default ./fleetplan-data). Env FLEETPLAN_DATA_DIR.")
    Path dataDirectory;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/fleetplan. Env FLEETPLAN_JDBC_URL.")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "PostgreSQL user. Env FLEETPLAN_DB_USER.")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "PostgreSQL password. Env FLEETPLAN_DB_PASSWORD.")
    String password;

    StoreSettings settings() {
        StoreSettings.Kind kind;
        try {
            kind = StoreSettings.Kind.valueOf(store.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingException("store", store, "memory, h2 or postgres");
        }
        if (kind == StoreSettings.Kind.POSTGRES && (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:"))) {
            throw new SettingException("jdbc-url", jdbcUrl == null ? "" : jdbcUrl,
                    "a PostgreSQL JDBC URL such as jdbc:postgresql://127.0.0.1:5432/fleetplan when --store is postgres");
        }
        return new StoreSettings(kind, dataDirectory, Optional.ofNullable(jdbcUrl), Optional.ofNullable(user),
                Optional.ofNullable(password));
    }
}
