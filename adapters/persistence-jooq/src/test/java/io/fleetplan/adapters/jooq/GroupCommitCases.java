package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.out.EventFilter;
import io.fleetplan.application.port.out.StoredEvent;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.RuleViolationException;
import io.fleetplan.domain.shared.TenantId;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changes that wait for the group lock are committed together, and each keeps its own outcome:
 * a change that fails leaves nothing behind, and the changes beside it in the same commit stay.
 */
abstract class GroupCommitCases {
    static final Actor ACTOR = new Actor("group-commit-test", "operator");
    static final int CHANGES = 12;

    protected abstract TestDatabase database();

    @Test
    void waitingChangesCommitTogetherAndAFailedOneLeavesNothingBehind() throws Exception {
        everyThirdChangeFailsAlone((transactions, n) -> {
            throw new RuleViolationException("test-refusal", "change " + n + " is refused");
        }, RuleViolationException.class, n -> "change " + n + " is refused");
    }

    /**
     * A change whose statement the database refuses, after it has written, is rolled back to its
     * savepoint (on PostgreSQL the failed statement aborts the transaction until then); the others
     * in its group commit.
     */
    @Test
    void aChangeWhoseStatementFailsIsRolledBackAloneAndTheOthersCommit() throws Exception {
        everyThirdChangeFailsAlone((transactions, n) -> transactions.tx().dsl()
                .fetch("SELECT 1 / (capacity - capacity) FROM gpu_pool"), DataAccessException.class, n -> "");
    }

    /**
     * Queues {@link #CHANGES} changes that each add a pool and its event, every third of which then
     * fails with {@code failure} (of that type, its message containing {@code message} of the
     * change's number): they commit as one group, and the failed ones leave nothing behind.
     */
    private void everyThirdChangeFailsAlone(BiConsumer<Transactions, Integer> failure,
                                            Class<? extends Throwable> failureType, IntFunction<String> message)
            throws Exception {
        try (DatabaseStores store = database().open()) {
            Stores stores = store.stores();
            Transactions transactions = (Transactions) stores.unitOfWork();
            ExecutorService threads = Executors.newFixedThreadPool(CHANGES);
            long commitsBefore = transactions.commits();
            List<Future<PoolId>> outcomes = queuedTogether(transactions, threads, n -> {
                GpuPool pool = GpuPool.create(PoolId.of("cn-zone" + (char) ('a' + n), "H20"));
                stores.pools().add(pool);
                stores.events().append(pool.pullEvents(), ACTOR, Instant.parse("2026-11-26T00:00:00Z"));
                if (n % 3 == 1) {
                    failure.accept(transactions, n);
                }
                return pool.id();
            });

            List<PoolId> committed = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                Future<PoolId> outcome = outcomes.get(i);
                if (i % 3 == 1) {
                    assertThatThrownBy(outcome::get).hasCauseInstanceOf(failureType)
                            .hasMessageContaining(message.apply(i));
                } else {
                    committed.add(outcome.get(30, TimeUnit.SECONDS));
                }
            }
            threads.shutdown();

            assertThat(transactions.waitingChanges()).isZero();
            assertThat(transactions.commits() - commitsBefore).as("one commit for the whole group").isEqualTo(1);
            List<PoolId> stored = stores.unitOfWork().readOnly(() -> stores.pools().all()).stream()
                    .map(GpuPool::id).toList();
            assertThat(stored).containsExactlyInAnyOrderElementsOf(committed);
            List<StoredEvent> events = stores.unitOfWork().readOnly(() -> stores.events().list(EventFilter.ALL, 0, 100));
            assertThat(events).extracting(StoredEvent::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, committed.size()).boxed().toList());
            assertThat(events).extracting(e -> e.event().subject())
                    .containsExactlyInAnyOrderElementsOf(committed.stream().map(PoolId::toString).toList());
        }
    }

    /**
     * The changes of one group share what the transaction holds back (the pool they all lock, their
     * order rows, their events). A refused change first reads orders and pools, which writes out
     * what the changes before it held back, after its own savepoint; rolling back to that savepoint
     * must hold those writes back again rather than lose them.
     */
    @Test
    void aRefusedChangeThatReadFirstKeepsTheHeldBackWritesOfTheChangesBeforeIt() throws Exception {
        try (DatabaseStores store = database().open()) {
            Stores stores = store.stores();
            Transactions transactions = (Transactions) stores.unitOfWork();
            PoolId poolId = PoolId.of("cn-hangzhou", "H20");
            long versionBefore = createPool(stores, poolId);
            Instant now = Instant.parse("2026-11-26T00:00:00Z");
            ExecutorService threads = Executors.newFixedThreadPool(CHANGES);
            long commitsBefore = transactions.commits();
            List<Future<OrderId>> outcomes = queuedTogether(transactions, threads, n -> {
                GpuPool pool = stores.pools().lock(poolId).orElseThrow();
                CapacityOrder order = pool.submit(OrderId.of("o-" + n), TenantId.of("tenant-" + n),
                        WorkloadClass.EXTERNAL_LEASE, 8, now, null, stores.orders());
                stores.pools().update(pool);
                stores.events().append(pool.pullEvents(), ACTOR, now);
                if (n % 3 == 1) {
                    assertThat(stores.orders().find(order.id())).isPresent();
                    assertThat(stores.pools().all()).hasSize(1);
                    assertThat(stores.events().list(EventFilter.ALL, 0, 1_000)).isNotEmpty();
                    throw new RuleViolationException("test-refusal", "change " + n + " is refused");
                }
                return order.id();
            });

            List<OrderId> committed = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                if (i % 3 == 1) {
                    assertThatThrownBy(outcomes.get(i)::get).hasCauseInstanceOf(RuleViolationException.class);
                } else {
                    committed.add(outcomes.get(i).get(30, TimeUnit.SECONDS));
                }
            }
            threads.shutdown();

            assertThat(transactions.commits() - commitsBefore).as("one commit for the whole group").isEqualTo(1);
            GpuPool pool = stores.unitOfWork().readOnly(() -> stores.pools().find(poolId).orElseThrow());
            assertThat(pool.pending(WorkloadClass.EXTERNAL_LEASE)).isEqualTo(committed.size());
            assertThat(pool.pendingGpus(WorkloadClass.EXTERNAL_LEASE)).isEqualTo(8L * committed.size());
            assertThat(pool.submissions()).isEqualTo(committed.size());
            assertThat(pool.version()).as("one version per committed change").isEqualTo(versionBefore + committed.size());
            List<CapacityOrder> queue = stores.unitOfWork().readOnly(() -> stores.orders()
                    .pending(poolId, WorkloadClass.EXTERNAL_LEASE, Long.MAX_VALUE, java.util.Optional.empty(), 100));
            assertThat(queue).extracting(CapacityOrder::id).containsExactlyInAnyOrderElementsOf(committed);
            assertThat(queue).extracting(CapacityOrder::sequence).as("a refused change takes no place in the queue")
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, committed.size()).boxed()
                            .toList());
            List<StoredEvent> events = stores.unitOfWork().readOnly(() -> stores.events().list(
                    EventFilter.ALL, 0, 1_000));
            assertThat(events).extracting(StoredEvent::sequence).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
            assertThat(events.stream().filter(e -> e.event().subject().startsWith("o-"))
                    .map(e -> OrderId.of(e.event().subject())).distinct().toList())
                    .containsExactlyInAnyOrderElementsOf(committed);
        }
    }

    /** Creates an empty pool in a transaction of its own; its version. */
    static long createPool(Stores stores, PoolId poolId) {
        return stores.unitOfWork().inTransaction(() -> {
            stores.pools().add(GpuPool.create(poolId));
            return stores.pools().find(poolId).orElseThrow().version();
        });
    }

    /**
     * Submits changes 0 to {@link #CHANGES} - 1, each in its own unit of work on its own thread,
     * while this thread holds the writer lock: all of them queue, and the first to get the lock
     * once it is released commits them as one group.
     */
    static <T> List<Future<T>> queuedTogether(Transactions transactions, ExecutorService threads,
                                                      IntFunction<T> change) {
        List<Future<T>> outcomes = new ArrayList<>();
        transactions.writer().lock();
        try {
            for (int i = 0; i < CHANGES; i++) {
                int n = i;
                outcomes.add(threads.submit(() -> transactions.inTransaction(() -> change.apply(n))));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (transactions.waitingChanges() < CHANGES && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(transactions.waitingChanges()).isEqualTo(CHANGES);
        } finally {
            transactions.writer().unlock();
        }
        return outcomes;
    }
}
