package io.fleetplan.bootstrap.bench;

import io.fleetplan.application.service.support.TimeOrderedIds;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's limit for an admission: the bare JDBC transaction of the same shape as Fleetplan's,
 * with no application code. Lock the pool row ({@code SELECT ... FOR UPDATE}), update it, insert an
 * order row, insert an event row, commit; READ COMMITTED, one connection per thread held for the
 * whole run. It runs on scratch tables ({@code bench_limit_*}) created in the same database.
 *
 * <p>{@link #onFleetplanTables} is the same transaction writing what an admission writes, on
 * Fleetplan's own tables, between its runs: the pool row, the order row with its four indexes, two
 * events (submitted, allocated) with their two indexes, numbered by the event counter row. The gap
 * between the two limits is the schema's; the gap between this one and Fleetplan's rate is the
 * application's.
 */
final class JdbcLimit implements AutoCloseable {
    private static final AtomicLong EVENTS = new AtomicLong();
    private static final String[] TIERS = {"INTERNAL_TRAINING", "MODEL_PLATFORM", "EXTERNAL_LEASE"};

    private final String url;
    private final String user;
    private final String password;
    /** The regions of the pools on Fleetplan's tables; null on scratch tables. */
    private final List<String> fleetplanRegions;
    private final List<Connection> connections = new ArrayList<>();

    private JdbcLimit(String url, String user, String password, List<String> fleetplanRegions) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.fleetplanRegions = fleetplanRegions;
    }

    /** The limit on Fleetplan's own tables, whose pools (the bench fleet's, in these regions) it changes. */
    static JdbcLimit onFleetplanTables(String url, String user, String password, List<String> regions) {
        return new JdbcLimit(url, user, password, List.copyOf(regions));
    }

    JdbcLimit(String url, String user, String password, int pools) throws SQLException {
        this(url, user, password, null);
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_limit_event");
            s.execute("DROP TABLE IF EXISTS bench_limit_order");
            s.execute("DROP TABLE IF EXISTS bench_limit_pool");
            s.execute("CREATE TABLE bench_limit_pool (id INTEGER NOT NULL PRIMARY KEY, capacity BIGINT NOT NULL,"
                    + " allocated BIGINT NOT NULL, submissions BIGINT NOT NULL, version BIGINT NOT NULL)");
            s.execute("CREATE TABLE bench_limit_order (id VARCHAR(64) NOT NULL PRIMARY KEY, pool_id INTEGER NOT NULL,"
                    + " tenant_id VARCHAR(64) NOT NULL, gpus BIGINT NOT NULL, status VARCHAR(16) NOT NULL,"
                    + " submitted_at TIMESTAMP WITH TIME ZONE NOT NULL, version BIGINT NOT NULL)");
            s.execute("CREATE INDEX bench_limit_order_by_pool ON bench_limit_order (pool_id, status, submitted_at)");
            s.execute("CREATE TABLE bench_limit_event (sequence_no BIGINT NOT NULL PRIMARY KEY,"
                    + " occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, event_type VARCHAR(64) NOT NULL,"
                    + " subject VARCHAR(200) NOT NULL, details VARCHAR(1000) NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO bench_limit_pool (id, capacity, allocated, submissions, version) VALUES (?, ?, 0, 0, 1)")) {
                for (int p = 0; p < pools; p++) {
                    insert.setInt(1, p);
                    insert.setLong(2, Long.MAX_VALUE / 2);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    /** One client: its own connection and statements; each call is one admission transaction on a chosen pool. */
    Load.Operation client(java.util.function.LongUnaryOperator poolOfCall) throws SQLException {
        Connection c = open();
        synchronized (connections) {
            connections.add(c);
        }
        if (fleetplanRegions != null) {
            return fleetplanClient(c, poolOfCall);
        }
        PreparedStatement lock = c.prepareStatement(
                "SELECT capacity, allocated, version FROM bench_limit_pool WHERE id = ? FOR UPDATE");
        PreparedStatement update = c.prepareStatement(
                "UPDATE bench_limit_pool SET allocated = ?, submissions = submissions + 1, version = version + 1"
                        + " WHERE id = ?");
        PreparedStatement order = c.prepareStatement("INSERT INTO bench_limit_order"
                + " (id, pool_id, tenant_id, gpus, status, submitted_at, version) VALUES (?, ?, ?, ?, ?, ?, 1)");
        PreparedStatement event = c.prepareStatement("INSERT INTO bench_limit_event"
                + " (sequence_no, occurred_at, event_type, subject, details) VALUES (?, ?, ?, ?, ?)");
        long[] calls = {0};
        return () -> {
            int pool = (int) poolOfCall.applyAsLong(calls[0]++);
            long gpus = BenchFleet.GPUS_PER_SERVER;
            try {
                lock.setInt(1, pool);
                long allocated;
                try (ResultSet r = lock.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("no pool " + pool);
                    }
                    allocated = r.getLong(2);
                    if (allocated + gpus > r.getLong(1)) {
                        throw new IllegalStateException("pool " + pool + " is full");
                    }
                }
                update.setLong(1, allocated + gpus);
                update.setInt(2, pool);
                update.executeUpdate();
                Instant at = Instant.now();
                // Ids as Fleetplan makes them (time-ordered), so that both insert into the key index alike.
                String id = TimeOrderedIds.next("o-", at);
                Timestamp now = Timestamp.from(at);
                order.setString(1, id);
                order.setInt(2, pool);
                order.setString(3, BenchFleet.TENANT);
                order.setLong(4, gpus);
                order.setString(5, "ALLOCATED");
                order.setTimestamp(6, now);
                order.executeUpdate();
                event.setLong(1, EVENTS.incrementAndGet());
                event.setTimestamp(2, now);
                event.setString(3, "ORDER_ALLOCATED");
                event.setString(4, id);
                event.setString(5, "pool=" + pool + "&gpus=" + gpus);
                event.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        };
    }

    private Load.Operation fleetplanClient(Connection c, java.util.function.LongUnaryOperator poolOfCall)
            throws SQLException {
        PreparedStatement lock = c.prepareStatement("SELECT allocated_tier0, allocated_tier1, allocated_tier2,"
                + " submissions, admissions FROM gpu_pool WHERE region_id = ? AND accelerator_type_id = ? FOR UPDATE");
        PreparedStatement update = c.prepareStatement("UPDATE gpu_pool SET allocated_tier0 = ?, allocated_tier1 = ?,"
                + " allocated_tier2 = ?, submissions = ?, admissions = ?, version = version + 1"
                + " WHERE region_id = ? AND accelerator_type_id = ?");
        PreparedStatement order = c.prepareStatement("INSERT INTO capacity_order (id, region_id, accelerator_type_id,"
                + " tenant_id, tier, gpus, submitted_at, submission_seq, idempotency_key, status, admitted_at,"
                + " admission, preemptions, closed_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 'ALLOCATED', ?, ?, 0, NULL, 1)");
        PreparedStatement count = c.prepareStatement(
                "UPDATE event_counter SET last_sequence = last_sequence + 2 WHERE id = 1");
        PreparedStatement last = c.prepareStatement("SELECT last_sequence FROM event_counter WHERE id = 1");
        PreparedStatement event = c.prepareStatement("INSERT INTO event_log (sequence_no, occurred_at, actor_name,"
                + " actor_role, event_type, subject, details, reason) VALUES (?, ?, 'bench', 'OPERATOR', ?, ?, ?, '')");
        long[] calls = {0};
        return () -> {
            long n = calls[0]++;
            String region = fleetplanRegions.get((int) (poolOfCall.applyAsLong(n) % fleetplanRegions.size()));
            int tier = (int) (n % TIERS.length);
            long gpus = BenchFleet.GPUS_PER_SERVER;
            try {
                lock.setString(1, region);
                lock.setString(2, BenchFleet.ACCELERATOR);
                long[] allocated = new long[TIERS.length];
                long submissions;
                long admissions;
                try (ResultSet r = lock.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("no pool in " + region);
                    }
                    for (int t = 0; t < TIERS.length; t++) {
                        allocated[t] = r.getLong(t + 1);
                    }
                    submissions = r.getLong(4) + 1;
                    admissions = r.getLong(5) + 1;
                }
                allocated[tier] += gpus;
                for (int t = 0; t < TIERS.length; t++) {
                    update.setLong(t + 1, allocated[t]);
                }
                update.setLong(4, submissions);
                update.setLong(5, admissions);
                update.setString(6, region);
                update.setString(7, BenchFleet.ACCELERATOR);
                update.executeUpdate();
                Instant at = Instant.now();
                String id = TimeOrderedIds.next("o-", at);
                Timestamp now = Timestamp.from(at);
                order.setString(1, id);
                order.setString(2, region);
                order.setString(3, BenchFleet.ACCELERATOR);
                order.setString(4, BenchFleet.TENANT);
                order.setInt(5, tier);
                order.setLong(6, gpus);
                order.setTimestamp(7, now);
                order.setLong(8, submissions);
                order.setTimestamp(9, now);
                order.setLong(10, admissions);
                order.executeUpdate();
                count.executeUpdate();
                long sequence;
                try (ResultSet r = last.executeQuery()) {
                    r.next();
                    sequence = r.getLong(1) - 1;
                }
                for (String type : new String[] {"ORDER_SUBMITTED", "ORDER_ALLOCATED"}) {
                    event.setLong(1, sequence++);
                    event.setTimestamp(2, now);
                    event.setString(3, type);
                    event.setString(4, id);
                    event.setString(5, "pool=" + region + "/" + BenchFleet.ACCELERATOR + "&tier=" + TIERS[tier]
                            + "&gpus=" + gpus);
                    event.addBatch();
                }
                event.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        };
    }

    @Override
    public void close() throws SQLException {
        synchronized (connections) {
            for (Connection c : connections) {
                c.close();
            }
            connections.clear();
        }
        if (fleetplanRegions != null) {
            return;
        }
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_limit_event");
            s.execute("DROP TABLE IF EXISTS bench_limit_order");
            s.execute("DROP TABLE IF EXISTS bench_limit_pool");
            c.commit();
        }
    }
}
