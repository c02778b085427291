package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.out.EventFilter;
import io.fleetplan.application.port.out.StoredEvent;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit on PostgreSQL, where the group lock is the store's own and the server's row locks
 * are shared with other processes.
 */
class PostgresGroupCommitTest extends GroupCommitCases {
    @Override
    protected TestDatabase database() {
        return TestDatabase.postgres("group_commit");
    }

    /**
     * Another process holds a pool's row lock for longer than a group may wait: the group gives
     * up and hands its changes back, and each caller runs its own in a transaction of its own,
     * waiting as long as it takes; all of them commit.
     */
    @Test
    void aGroupThatWaitsTooLongForALockHandsItsChangesBackToTheirCallers() throws Exception {
        try (DatabaseStores store = database().open()) {
            handsItsChangesBack(store);
        }
    }

    /**
     * The group's lock timeout does not depend on the connection's own settings: here the JDBC URL
     * gives the connections no lock timeout at all, and the group still gives up.
     */
    @Test
    void aGroupGivesUpWhateverLockTimeoutItsConnectionsHave() throws Exception {
        String url = PostgresCluster.shared().createDatabase("own_options");
        String withOptions = url + (url.contains("?") ? "&" : "?") + "options=-c%20lock_timeout%3D0";
        try (DatabaseStores store = DatabaseStores.postgres(withOptions, PostgresCluster.user(), "")) {
            try (Connection connection = store.dataSource().getConnection()) {
                assertThat(show(connection)).as("the URL's own lock timeout").isEqualTo("0");
                connection.rollback();
            }
            handsItsChangesBack(store);
        }
    }

    private static void handsItsChangesBack(DatabaseStores store) throws Exception {
        Stores stores = store.stores();
        Transactions transactions = (Transactions) stores.unitOfWork();
        PoolId poolId = PoolId.of("cn-hangzhou", "H20");
        createPool(stores, poolId);
        Instant now = Instant.parse("2026-11-26T00:00:00Z");
        ExecutorService threads = Executors.newFixedThreadPool(CHANGES);
        long commitsBefore = transactions.commits();
        List<Future<OrderId>> outcomes;
        Map<Integer, String> groupTimeouts = new ConcurrentHashMap<>();
        try (Connection other = store.dataSource().getConnection();
             PreparedStatement lock = other.prepareStatement(
                     "SELECT version FROM gpu_pool WHERE region_id = ? FOR UPDATE")) {
            lock.setString(1, poolId.region().value());
            try (ResultSet row = lock.executeQuery()) {
                assertThat(row.next()).isTrue();
            }
            outcomes = queuedTogether(transactions, threads, n -> {
                groupTimeouts.putIfAbsent(n, lockTimeout(transactions));
                GpuPool pool = stores.pools().lock(poolId).orElseThrow();
                CapacityOrder order = pool.submit(OrderId.of("o-" + n), TenantId.of("tenant-" + n),
                        WorkloadClass.EXTERNAL_LEASE, 8, now, null, stores.orders());
                stores.pools().update(pool);
                stores.events().append(pool.pullEvents(), ACTOR, now);
                return order.id();
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (transactions.groupsRunAlone() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(transactions.groupsRunAlone()).as("the group gave up waiting").isEqualTo(1);
            assertThat(transactions.commits()).as("nothing committed while the lock is held")
                    .isEqualTo(commitsBefore);
            other.rollback();
        }
        List<OrderId> committed = new ArrayList<>();
        for (Future<OrderId> outcome : outcomes) {
            committed.add(outcome.get(30, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertThat(transactions.commits() - commitsBefore).as("one commit per change").isEqualTo(CHANGES);
        // The group stopped at its first change, whose lock wait timed out; that change ran with the
        // group's timeout, and every change then ran once more, handed back, outside the group.
        assertThat(groupTimeouts).as("the lock timeout each change first ran with")
                .containsValue(Transactions.GROUP_LOCK_TIMEOUT_MS + "ms");
        GpuPool pool = stores.unitOfWork().readOnly(() -> stores.pools().find(poolId).orElseThrow());
        assertThat(pool.submissions()).isEqualTo(CHANGES);
        assertThat(pool.pending(WorkloadClass.EXTERNAL_LEASE)).isEqualTo(CHANGES);
        List<StoredEvent> events = stores.unitOfWork().readOnly(() -> stores.events().list(EventFilter.ALL, 0, 1_000));
        assertThat(events).extracting(StoredEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events.stream().filter(e -> e.event().subject().startsWith("o-"))
                .map(e -> OrderId.of(e.event().subject())).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(committed);
    }

    private static String lockTimeout(Transactions transactions) {
        try {
            return show(transactions.tx().connection());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String show(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW lock_timeout")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }
}
