package io.fleetplan.adapters.jooq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** One database for a test: an H2 directory or a PostgreSQL database, opened as many times as the test likes. */
interface TestDatabase {
    /** Tables child-first, so that deleting in this order never breaks a foreign key. */
    List<String> TABLES = List.of("capex_tranche", "capex_spend", "capex_amendment", "capex_commitment",
            "capacity_order", "gpu_pool", "server_batch", "server_sku", "accelerator_type", "data_center", "region",
            "event_log", "api_token", "scenario");

    DatabaseStores open();

    String name();

    /** A fresh H2 database in a new directory under target/. */
    static TestDatabase h2(String prefix) {
        try {
            Path root = Paths.get("target", "h2").toAbsolutePath();
            Files.createDirectories(root);
            Path dir = Files.createTempDirectory(root, prefix + "-");
            return new TestDatabase() {
                public DatabaseStores open() {
                    return DatabaseStores.h2(dir);
                }

                public String name() {
                    return "H2 " + dir;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh database in the shared test PostgreSQL cluster. */
    static TestDatabase postgres(String prefix) {
        String url = PostgresCluster.shared().createDatabase(prefix);
        return new TestDatabase() {
            public DatabaseStores open() {
                return DatabaseStores.postgres(url, PostgresCluster.user(), "");
            }

            public String name() {
                return "PostgreSQL " + url;
            }
        };
    }

    /** Deletes every row of the store's database, leaving the schema: an empty store again. */
    static void wipe(DatabaseStores store) {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("DELETE FROM " + table);
            }
            s.executeUpdate("UPDATE event_counter SET last_sequence = 0");
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot wipe the test database", e);
        }
    }
}
