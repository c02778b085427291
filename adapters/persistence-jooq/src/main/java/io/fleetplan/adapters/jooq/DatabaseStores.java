package io.fleetplan.adapters.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.fleetplan.application.port.out.Stores;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The database store: every out-port over an embedded H2 file database (the default) or a
 * PostgreSQL server, opened with its schema migrated (Flyway) and a connection pool (HikariCP).
 * Close it to close the pool. Several instances, in one or many processes, may share one
 * PostgreSQL database: GPU pools, data centres, batches and commitments are held with row locks,
 * so their invariants hold across all of them.
 *
 * <p>The H2 file is written at every commit ({@code WRITE_DELAY=0}): a change that was acknowledged
 * survives the process being killed.
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
        migrate(target);
        HikariConfig config = new HikariConfig();
        config.setPoolName("fleetplan-" + target.dialect().name().toLowerCase(java.util.Locale.ROOT));
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
        this.dataSource = new HikariDataSource(config);
        this.url = target.url();
        Transactions tx = new Transactions(dataSource, target.dialect(),
                target.dialect() == SQLDialect.H2 ? H2_WRITERS.computeIfAbsent(target.url(), u -> new ReentrantLock()) : null);
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
}
