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
 * whole run. It runs on scratch tables ({@code bench_limit_*}) created in the same database, never
 * on Fleetplan's own.
 */
final class JdbcLimit implements AutoCloseable {
    private static final AtomicLong EVENTS = new AtomicLong();

    private final String url;
    private final String user;
    private final String password;
    private final List<Connection> connections = new ArrayList<>();

    JdbcLimit(String url, String user, String password, int pools) throws SQLException {
        this.url = url;
        this.user = user;
        this.password = password;
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

    @Override
    public void close() throws SQLException {
        synchronized (connections) {
            for (Connection c : connections) {
                c.close();
            }
            connections.clear();
        }
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_limit_event");
            s.execute("DROP TABLE IF EXISTS bench_limit_order");
            s.execute("DROP TABLE IF EXISTS bench_limit_pool");
            c.commit();
        }
    }
}
