package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.RuleViolationException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The unit of work runs a transaction again when the database aborted it for colliding with
 * another (deadlock, serialisation failure), a bounded number of times, and otherwise lets the
 * work's own exception out unchanged.
 */
class TransactionRetryTest {
    private static final PoolId A = PoolId.of("cn-hangzhou", "H20");
    private static final PoolId B = PoolId.of("cn-hangzhou", "H800");

    /**
     * Two stores on one PostgreSQL database (two application nodes, say): one store commits one
     * group at a time, so it takes two to run two transactions that wait for each other.
     */
    @Test
    void aTransactionChosenAsADeadlockVictimIsRunAgainAndBothComplete() throws Exception {
        TestDatabase database = TestDatabase.postgres("retry");
        try (DatabaseStores store = database.open(); DatabaseStores other = database.open()) {
            Stores stores = store.stores();
            stores.unitOfWork().inTransaction(() -> {
                stores.pools().add(GpuPool.create(A));
                stores.pools().add(GpuPool.create(B));
                return null;
            });
            CyclicBarrier bothHoldOne = new CyclicBarrier(2);
            AtomicInteger attempts = new AtomicInteger();
            CompletableFuture<Long> ab = CompletableFuture.supplyAsync(() -> lockBoth(stores, A, B, bothHoldOne, attempts));
            CompletableFuture<Long> ba = CompletableFuture.supplyAsync(
                    () -> lockBoth(other.stores(), B, A, bothHoldOne, attempts));

            assertThat(ab.get(60, TimeUnit.SECONDS)).isPositive();
            assertThat(ba.get(60, TimeUnit.SECONDS)).isPositive();
            // Each waits for the other's pool: the first to give up (its 100 ms wait for a lock in a
            // group, or PostgreSQL's deadlock check) rolls back and runs again; perhaps both do, and
            // their second runs may collide once more. Each committed once (the pool's version).
            assertThat(attempts.get()).as("at least one ran again").isGreaterThan(2);
            GpuPool a = stores.unitOfWork().readOnly(() -> stores.pools().find(A)).orElseThrow();
            GpuPool b = stores.unitOfWork().readOnly(() -> stores.pools().find(B)).orElseThrow();
            assertThat(a.version()).isEqualTo(3);
            assertThat(b.version()).isEqualTo(3);
        }
    }

    /** Locks {@code first}, waits (once) until the other thread holds its first pool too, then locks {@code second}. */
    private static long lockBoth(Stores stores, PoolId first, PoolId second, CyclicBarrier barrier,
                                 AtomicInteger attempts) {
        return stores.unitOfWork().inTransaction(() -> {
            int attempt = attempts.incrementAndGet();
            GpuPool one = stores.pools().lock(first).orElseThrow();
            if (attempt <= 2) {
                try {
                    barrier.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            GpuPool two = stores.pools().lock(second).orElseThrow();
            stores.pools().update(one);
            return stores.pools().update(two);
        });
    }

    @Test
    void givesUpWithAConflictAfterABoundedNumberOfCollisions() {
        try (DatabaseStores store = TestDatabase.h2("retry").open()) {
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> store.stores().unitOfWork().inTransaction(() -> {
                attempts.incrementAndGet();
                throw new DataAccessException("could not serialize access",
                        new SQLException("could not serialize access due to concurrent update", "40001"));
            })).isInstanceOfSatisfying(ConflictException.class,
                    e -> assertThat(e.code()).isEqualTo("concurrent-change"));
            assertThat(attempts.get()).isEqualTo(Transactions.MAX_ATTEMPTS);
        }
    }

    @Test
    void letsADomainExceptionWrappedByTheDatabaseLayerOutAsItself() {
        try (DatabaseStores store = TestDatabase.h2("unwrap").open()) {
            RuleViolationException refusal = new RuleViolationException("power-capacity-exceeded", "no power left");
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> store.stores().unitOfWork().inTransaction(() -> {
                attempts.incrementAndGet();
                throw new DataAccessException("wrapped", refusal);
            })).isSameAs(refusal);
            assertThat(attempts.get()).isEqualTo(1);
        }
    }

    @Test
    void migratesOnlyWhatIsMissing() {
        java.nio.file.Path dir = java.nio.file.Paths.get("target", "h2", "migrate-" + System.nanoTime());
        assertThat(DatabaseStores.migrateH2(dir)).isPositive();
        assertThat(DatabaseStores.migrateH2(dir)).isZero();
        try (DatabaseStores store = DatabaseStores.h2(dir)) {
            assertThat(store.stores().unitOfWork().readOnly(() -> store.stores().pools().all())).isEmpty();
        }
    }
}
