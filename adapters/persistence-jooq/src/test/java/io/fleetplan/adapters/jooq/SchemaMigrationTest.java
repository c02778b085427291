package io.fleetplan.adapters.jooq;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Opening a store migrates it, and a store already at the current schema is opened without
 * starting Flyway: the history check agrees with Flyway on what "current" means, and leaves every
 * other case (a missing, edited or failed migration, no history at all) to Flyway.
 */
class SchemaMigrationTest {
    private static final ClassLoader LOADER = DatabaseStores.class.getClassLoader();

    @Test
    void aStoreOpenedOnAFreshDatabaseIsFoundUpToDateAfterwards() throws IOException {
        Path dir = freshDirectory("fresh");
        assertThat(DatabaseStores.MigrationHistory.upToDate(h2(dir), LOADER)).isFalse();
        try (DatabaseStores store = DatabaseStores.h2(dir)) {
            assertThat(DatabaseStores.MigrationHistory.upToDate(store.dataSource(), LOADER))
                    .as("the checksums computed for every migration on the class path are Flyway's").isTrue();
        }
    }

    @Test
    void aMigrationMissingFromTheHistoryIsAppliedWhenTheStoreOpens() throws IOException, SQLException {
        List<String> scripts = new ArrayList<>(DatabaseStores.MigrationHistory.scripts(LOADER).orElseThrow().keySet());
        scripts.sort((a, b) -> Integer.compare(version(a), version(b)));
        assertThat(scripts).hasSizeGreaterThan(1);
        String latest = scripts.get(scripts.size() - 1);
        Path dir = freshDirectory("behind");
        Flyway.configure(LOADER).dataSource(DatabaseStores.h2Url(dir), "sa", "").locations("classpath:db/migration")
                .target(String.valueOf(version(scripts.get(scripts.size() - 2)))).load().migrate();
        assertThat(DatabaseStores.MigrationHistory.upToDate(h2(dir), LOADER)).isFalse();

        try (DatabaseStores store = DatabaseStores.h2(dir)) {
            assertThat(DatabaseStores.MigrationHistory.upToDate(store.dataSource(), LOADER)).isTrue();
            assertThat(appliedScripts(store)).contains(latest);
        }
    }

    @Test
    void anEditedMigrationIsLeftToFlywayWhichRefusesToOpenTheStore() throws IOException, SQLException {
        Path dir = freshDirectory("edited");
        try (DatabaseStores store = DatabaseStores.h2(dir)) {
            execute(store, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
            assertThat(DatabaseStores.MigrationHistory.upToDate(store.dataSource(), LOADER)).isFalse();
        }
        assertThatThrownBy(() -> DatabaseStores.h2(dir)).isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void aFailedMigrationInTheHistoryIsNotUpToDate() throws IOException, SQLException {
        Path dir = freshDirectory("failed");
        try (DatabaseStores store = DatabaseStores.h2(dir)) {
            execute(store, "UPDATE flyway_schema_history SET success = FALSE WHERE version = '1'");
            assertThat(DatabaseStores.MigrationHistory.upToDate(store.dataSource(), LOADER)).isFalse();
        }
    }

    @Test
    void migrationsAreListedAlikeFromAJarAsFromADirectory() throws IOException {
        Map<String, Integer> fromDirectory = DatabaseStores.MigrationHistory.scripts(LOADER).orElseThrow();
        Path jar = freshDirectory("jar").resolve("migrations.jar");
        writeJar(jar, fromDirectory.keySet(), Map.of("io/fleetplan/Other.class", "not a migration",
                "db/migration-notes.txt", "beside the location, not in it"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(DatabaseStores.MigrationHistory.scripts(loader)).contains(fromDirectory);
        }
        // The application class loader names the folder with a trailing slash, URLClassLoader without.
        for (String folder : List.of("db/migration", "db/migration/")) {
            URL root = new URL("jar:" + jar.toUri() + "!/" + folder);
            assertThat(DatabaseStores.MigrationHistory.scripts(List.of(root))).as(folder).contains(fromDirectory);
        }
    }

    @Test
    void aLocationHoldingAnythingButVersionedSqlMigrationsIsLeftToFlyway() throws IOException {
        Map<String, Integer> fromDirectory = DatabaseStores.MigrationHistory.scripts(LOADER).orElseThrow();
        Path jar = freshDirectory("repeatable").resolve("migrations.jar");
        writeJar(jar, fromDirectory.keySet(), Map.of("db/migration/R__views.sql", "CREATE VIEW v AS SELECT 1;"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(DatabaseStores.MigrationHistory.scripts(loader)).isEmpty();
        }
    }

    private static int version(String script) {
        String name = script.substring(script.lastIndexOf('/') + 1);
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static JdbcDataSource h2(Path dir) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(DatabaseStores.h2Url(dir));
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    private static List<String> appliedScripts(DatabaseStores store) throws SQLException {
        List<String> scripts = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT script FROM flyway_schema_history WHERE success")) {
            while (rows.next()) {
                scripts.add(rows.getString(1));
            }
            c.rollback();
        }
        return scripts;
    }

    private static void execute(DatabaseStores store, String sql) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isOne();
            c.commit();
        }
    }

    private static void writeJar(Path jar, Iterable<String> scripts, Map<String, String> others) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/migration/"));
            for (String script : scripts) {
                out.putNextEntry(new JarEntry("db/migration/" + script));
                try (InputStream in = LOADER.getResourceAsStream("db/migration/" + script)) {
                    in.transferTo(out);
                }
            }
            for (Map.Entry<String, String> other : others.entrySet()) {
                out.putNextEntry(new JarEntry(other.getKey()));
                out.write(other.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static Path freshDirectory(String prefix) throws IOException {
        Path root = Paths.get("target", "h2").toAbsolutePath();
        Files.createDirectories(root);
        return Files.createTempDirectory(root, "migration-" + prefix + "-");
    }
}
