package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.out.EventFilter;
import io.fleetplan.application.port.out.StoredEvent;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changes that wait for H2's writer lock are committed together, and each keeps its own outcome:
 * a change that fails leaves nothing behind, and the changes beside it in the same commit stay.
 */
class H2GroupCommitTest {
    private static final Actor ACTOR = new Actor("group-commit-test", "operator");
    private static final int CHANGES = 12;

    @Test
    void waitingChangesCommitTogetherAndAFailedOneLeavesNothingBehind() throws Exception {
        try (DatabaseStores store = TestDatabase.h2("group-commit").open()) {
            Stores stores = store.stores();
            Transactions transactions = (Transactions) stores.unitOfWork();
            Lock writer = transactions.writer();
            ExecutorService threads = Executors.newFixedThreadPool(CHANGES);
            List<Future<PoolId>> outcomes = new ArrayList<>();
            long commitsBefore = transactions.commits();
            writer.lock(); // every change below waits, so the first to get the lock commits them all
            try {
                for (int i = 0; i < CHANGES; i++) {
                    int n = i;
                    outcomes.add(threads.submit(() -> stores.unitOfWork().inTransaction(() -> {
                        GpuPool pool = GpuPool.create(PoolId.of("cn-zone" + (char) ('a' + n), "H20"));
                        stores.pools().add(pool);
                        stores.events().append(pool.pullEvents(), ACTOR, Instant.parse("2026-11-26T00:00:00Z"));
                        if (n % 3 == 1) {
                            throw new RuleViolationException("test-refusal", "change " + n + " is refused");
                        }
                        return pool.id();
                    })));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (transactions.waitingChanges() < CHANGES && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(transactions.waitingChanges()).isEqualTo(CHANGES);
            } finally {
                writer.unlock();
            }

            List<PoolId> committed = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                Future<PoolId> outcome = outcomes.get(i);
                if (i % 3 == 1) {
                    assertThatThrownBy(outcome::get).hasCauseInstanceOf(RuleViolationException.class)
                            .hasMessageContaining("change " + i + " is refused");
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

    @Test
    void aChangeInsideReadOnlyWorkIsRefusedAndWritesNothing() {
        try (DatabaseStores store = TestDatabase.h2("read-only").open()) {
            Stores stores = store.stores();
            PoolId pool = PoolId.of("cn-hangzhou", "H20");
            assertThatThrownBy(() -> stores.unitOfWork().readOnly(() -> stores.unitOfWork().inTransaction(() -> {
                stores.pools().add(GpuPool.create(pool));
                return null;
            }))).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only work");
            assertThat(stores.unitOfWork().readOnly(() -> stores.pools().find(pool))).isEmpty();
            // read-only work inside a change joins it, as before
            assertThat(stores.unitOfWork().inTransaction(() -> {
                stores.pools().add(GpuPool.create(pool));
                return stores.unitOfWork().readOnly(() -> stores.pools().find(pool));
            })).isPresent();
        }
    }
}
