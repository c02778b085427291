package io.fleetplan.adapters.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which store to open: {@code memory}, an {@code h2} file database in a directory, or
 * {@code postgres} at a JDBC URL.
 */
public record StoreSettings(Kind kind, Path dataDirectory, Optional<String> jdbcUrl, Optional<String> user,
                            Optional<String> password) {
    public enum Kind { MEMORY, H2, POSTGRES }

    public String describe() {
        return switch (kind) {
            case MEMORY -> "in memory";
            case H2 -> "H2 file database in " + dataDirectory.toAbsolutePath().normalize();
            case POSTGRES -> "PostgreSQL at " + jdbcUrl.orElse("?");
        };
    }
}
