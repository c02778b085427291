package io.fleetplan.adapters.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fleetplan.adapters.jooq.schema.Tables;
import io.fleetplan.application.port.out.Stores;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The database store: every out-port over an embedded H2 file database (the default) or a
 * PostgreSQL server, opened with its schema migrated (Flyway) and a connection pool (HikariCP).
 * Close it to close the pool. Several instances, in one or many processes, may share one
 * PostgreSQL database: GPU pools, data centres, batches and commitments are held with row locks,
 * so their invariants hold across all of them.
 *
 * <p>The H2 file is written at every commit ({@code WRITE_DELAY=0}): a change that was acknowledged
 * survives the process being killed.
 *
 * <p>Opening a database that is already at the current schema does not start Flyway: one query of
 * Flyway's history table shows that every migration on the class path was applied, unchanged, and
 * none failed. Anything else goes to Flyway, which alone ever changes the schema.
 */
public final class DatabaseStores implements AutoCloseable {
    static {
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    /**
     * H2 flags: PostgreSQL syntax, lower-case names; commits written at once; lock waits as long as
     * PostgreSQL's are practical; parsed statements kept per connection for every statement the
     * store sends (H2 keeps 8 by default, fewer than one admission uses).
     */
    private static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";
    private static final int DEFAULT_POOL_SIZE = 10;
    /** One writer lock per H2 database open in this process (H2 lets no other process open it). */
    private static final Map<String, Lock> H2_WRITERS = new ConcurrentHashMap<>();

    private final HikariDataSource dataSource;
    private final Stores stores;
    private final String url;

    private DatabaseStores(Connection target, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("fleetplan-" + target.dialect().name().toLowerCase(Locale.ROOT));
        config.setJdbcUrl(target.url());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        if (target.dialect() == SQLDialect.POSTGRES) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        // The pool first: it keeps an H2 database open while it is checked and migrated, instead of
        // Flyway opening and closing it and the pool opening it again.
        this.dataSource = new HikariDataSource(config);
        try {
            if (!MigrationHistory.upToDate(dataSource, DatabaseStores.class.getClassLoader())) {
                migrate(target);
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        this.url = target.url();
        // H2: the one writer of the database, shared by every store in this process that opens it.
        // A database server: this store's own group lock (one group commit at a time from here;
        // other stores and processes commit beside it).
        Transactions tx = new Transactions(dataSource, target.dialect(), target.dialect() == SQLDialect.H2
                ? H2_WRITERS.computeIfAbsent(target.url(), u -> new ReentrantLock()) : new ReentrantLock());
        this.stores = new Stores(new DbRegions(tx), new DbDataCenters(tx), new DbAcceleratorTypes(tx),
                new DbServerSkus(tx), new DbServerBatches(tx), new DbGpuPools(tx), new DbOrders(tx),
                new DbCommitments(tx), new DbEventLog(tx), new DbApiTokens(tx), new DbScenarios(tx), tx);
    }

    /** Opens (creating it if needed) the H2 database in {@code directory}, migrated to the current schema. */
    public static DatabaseStores h2(Path directory) {
        return new DatabaseStores(h2Target(directory), DEFAULT_POOL_SIZE);
    }

    /** Opens the PostgreSQL database at {@code jdbcUrl}, migrated to the current schema. */
    public static DatabaseStores postgres(String jdbcUrl, String user, String password) {
        return postgres(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    /** As {@link #postgres(String, String, String)}, with at most {@code maxConnections} connections. */
    public static DatabaseStores postgres(String jdbcUrl, String user, String password, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("a store needs at least one connection");
        }
        return new DatabaseStores(postgresTarget(jdbcUrl, user, password), maxConnections);
    }

    /**
     * Loads and initialises ahead of time what a store's first query needs: jOOQ and the schema's
     * tables, with a query rendered. Touches no database, and is optional (the first query does all
     * of it anyway): a program may run it on another thread while it opens a store, so that it is
     * done by the time the store is.
     */
    public static void preload() {
        DSL.using(SQLDialect.H2, new Settings().withRenderSchema(false))
                .selectFrom(Tables.REGION).where(Tables.REGION.ID.eq("")).orderBy(Tables.REGION.ID).getSQL();
    }

    /** Brings the H2 database in {@code directory} to the current schema; returns how many migrations ran. */
    public static int migrateH2(Path directory) {
        return migrate(h2Target(directory));
    }

    /** Brings the PostgreSQL database to the current schema; returns how many migrations ran. */
    public static int migratePostgres(String jdbcUrl, String user, String password) {
        return migrate(postgresTarget(jdbcUrl, user, password));
    }

    /** The JDBC URL of the H2 database kept in {@code directory}. */
    public static String h2Url(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().normalize().resolve("fleetplan") + H2_FLAGS;
    }

    /** Every out-port of this store; all of them join the transactions of its unit of work. */
    public Stores stores() {
        return stores;
    }

    /** The JDBC URL this store is connected to. */
    public String url() {
        return url;
    }

    /** The connection pool, for this package's tests. */
    DataSource dataSource() {
        return dataSource;
    }

    /** Closes the connection pool; for H2, the database file is closed with its last connection. */
    @Override
    public void close() {
        dataSource.close();
    }

    private record Connection(String url, String user, String password, SQLDialect dialect) {
    }

    private static Connection h2Target(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + directory, e);
        }
        return new Connection(h2Url(directory), "sa", "", SQLDialect.H2);
    }

    private static Connection postgresTarget(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return new Connection(jdbcUrl, user, password == null ? "" : password, SQLDialect.POSTGRES);
    }

    private static int migrate(Connection target) {
        return Flyway.configure(DatabaseStores.class.getClassLoader())
                .dataSource(target.url(), target.user(), target.password())
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /**
     * Whether Flyway has nothing to do: every migration under {@code db/migration} on the class path is
     * in Flyway's history table, applied successfully with the checksum Flyway computes for its
     * content, and no migration failed. Reading the history takes one query; starting Flyway (its
     * configuration, plugins, class-path scan and validation) costs far more. When in doubt (no
     * history table, a file this check does not know such as a Java or repeatable migration, a
     * location it cannot list) the answer is no, and Flyway decides.
     */
    static final class MigrationHistory {
        private static final String LOCATION = "db/migration";
        private static final Pattern VERSIONED = Pattern.compile("V[^_]+__.+\\.sql");

        private MigrationHistory() {
        }

        static boolean upToDate(DataSource dataSource, ClassLoader loader) {
            Optional<Map<String, Integer>> scripts = scripts(loader);
            if (scripts.isEmpty() || scripts.get().isEmpty()) {
                return false;
            }
            Map<String, Integer> applied = new HashMap<>();
            try (java.sql.Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery(
                             "SELECT script, checksum, success FROM flyway_schema_history")) {
                    while (rows.next()) {
                        int checksum = rows.getInt(2);
                        boolean noChecksum = rows.wasNull();
                        if (!rows.getBoolean(3)) {
                            return false;
                        }
                        if (!noChecksum) {
                            applied.put(rows.getString(1), checksum);
                        }
                    }
                } finally {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                }
            } catch (SQLException noHistoryYet) {
                return false;
            }
            return scripts.get().entrySet().stream()
                    .allMatch(script -> script.getValue().equals(applied.get(script.getKey())));
        }

        /**
         * Every migration script under {@code db/migration}, by its name relative to the location (as
         * Flyway's history records it), with its checksum; empty when the location holds something
         * other than versioned SQL migrations or cannot be listed.
         */
        static Optional<Map<String, Integer>> scripts(ClassLoader loader) {
            try {
                return scripts(Collections.list(loader.getResources(LOCATION)));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        /** As {@link #scripts(ClassLoader)}, from the location's URLs (a folder, or a folder in a jar). */
        static Optional<Map<String, Integer>> scripts(List<URL> roots) {
            Map<String, Integer> scripts = new TreeMap<>();
            try {
                for (URL root : roots) {
                    if (!list(root, scripts)) {
                        return Optional.empty();
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
            return Optional.of(scripts);
        }

        private static boolean list(URL root, Map<String, Integer> scripts) throws IOException {
            if (root.getProtocol().equals("jar")) {
                URLConnection connection = root.openConnection();
                if (!(connection instanceof JarURLConnection jar)) {
                    return false;
                }
                JarFile file = jar.getJarFile();
                String folder = jar.getEntryName();
                String prefix = folder.endsWith("/") ? folder : folder + "/";
                Iterator<JarEntry> entries = file.entries().asIterator();
                while (entries.hasNext()) {
                    JarEntry entry = entries.next();
                    if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                        continue;
                    }
                    try (InputStream in = file.getInputStream(entry)) {
                        if (!add(entry.getName().substring(prefix.length()), in, scripts)) {
                            return false;
                        }
                    }
                }
                return true;
            }
            if (root.getProtocol().equals("file")) {
                Path directory;
                try {
                    directory = Path.of(root.toURI());
                } catch (URISyntaxException e) {
                    return false;
                }
                List<Path> files;
                try (Stream<Path> walk = Files.walk(directory)) {
                    files = walk.filter(Files::isRegularFile).toList();
                }
                for (Path file : files) {
                    String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
                    try (InputStream in = Files.newInputStream(file)) {
                        if (!add(name, in, scripts)) {
                            return false;
                        }
                    }
                }
                return true;
            }
            return false;
        }

        private static boolean add(String name, InputStream in, Map<String, Integer> scripts)
                throws IOException {
            String fileName = name.substring(name.lastIndexOf('/') + 1);
            if (!VERSIONED.matcher(fileName).matches() || scripts.containsKey(name)) {
                return false;
            }
            scripts.put(name, checksum(in));
            return true;
        }

        /** Flyway's checksum of a migration: CRC-32 of its lines in UTF-8, without line ends or a byte-order mark. */
        static int checksum(InputStream in) throws IOException {
            CRC32 crc = new CRC32();
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return (int) crc.getValue();
        }
    }
}
