package io.fleetplan.application.contract;

import io.fleetplan.application.port.out.OrderFilter;
import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.OrderStatus;
import io.fleetplan.domain.gpu.PoolPolicy;
import io.fleetplan.domain.gpu.QueueingMode;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.fleetplan.domain.gpu.WorkloadClass.EXTERNAL_LEASE;
import static io.fleetplan.domain.gpu.WorkloadClass.INTERNAL_TRAINING;
import static io.fleetplan.domain.gpu.WorkloadClass.MODEL_PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pools and orders: figures round-trip, the OrderBook pages in their documented orders, idempotency keys, listing. */
public abstract class OrderBookContract extends StoreContract {
    private static final PoolId POOL = PoolId.of("cn-hangzhou", "H20");
    private static final PoolId OTHER = PoolId.of("cn-beijing", "H20");
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private static CapacityOrder order(String id, PoolId pool, String tenant, WorkloadClass tier, long size,
                                       long submittedSecond, long sequence, OrderStatus status, long admission,
                                       String key) {
        Instant admittedAt = status == OrderStatus.ALLOCATED ? T0.plusSeconds(1000 + admission) : null;
        return CapacityOrder.reconstitute(OrderId.of(id), pool, TenantId.of(tenant), tier, size,
                T0.plusSeconds(submittedSecond), sequence, key, status, admittedAt, admission, 0, null, 0);
    }

    @Test
    void roundTripsAPoolWithItsFiguresAndChecksItsVersion() {
        GpuPool pool = GpuPool.reconstitute(POOL, 100, new long[] {10, 20, 30}, new long[] {5, 0, 0},
                new long[] {1, 2, 3}, new long[] {7, 8, 9}, new PoolPolicy(QueueingMode.STRICT_FIFO, false), 42, 17, 0);
        run(() -> stores.pools().add(pool));
        GpuPool loaded = tx(() -> stores.pools().lock(POOL)).orElseThrow();
        assertThat(loaded.capacity()).isEqualTo(100);
        assertThat(loaded.allocated(MODEL_PLATFORM)).isEqualTo(20);
        assertThat(loaded.reserved(INTERNAL_TRAINING)).isEqualTo(5);
        assertThat(loaded.pending(EXTERNAL_LEASE)).isEqualTo(3);
        assertThat(loaded.pendingGpus(EXTERNAL_LEASE)).isEqualTo(9);
        assertThat(loaded.policy()).isEqualTo(new PoolPolicy(QueueingMode.STRICT_FIFO, false));
        assertThat(loaded.submissions()).isEqualTo(42);
        assertThat(loaded.admissions()).isEqualTo(17);
        assertThat(tx(() -> stores.pools().update(loaded))).isEqualTo(2);
        assertThatThrownBy(() -> tx(() -> stores.pools().update(loaded))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> run(() -> stores.pools().add(GpuPool.create(POOL))))
                .isInstanceOf(ConflictException.class);
        assertThat(tx(() -> stores.pools().all())).extracting(GpuPool::id).containsExactly(POOL);
    }

    @Test
    void pagesPendingOrdersOfOneTierInQueueOrderWithinASizeBound() {
        run(() -> {
            stores.orders().add(order("o-3", POOL, "a", EXTERNAL_LEASE, 8, 30, 3, OrderStatus.PENDING, 0, null));
            stores.orders().add(order("o-1", POOL, "a", EXTERNAL_LEASE, 4, 10, 1, OrderStatus.PENDING, 0, null));
            stores.orders().add(order("o-2", POOL, "a", EXTERNAL_LEASE, 64, 10, 2, OrderStatus.PENDING, 0, null));
            stores.orders().add(order("o-4", POOL, "a", EXTERNAL_LEASE, 2, 40, 4, OrderStatus.PENDING, 0, null));
            stores.orders().add(order("o-5", POOL, "a", MODEL_PLATFORM, 2, 5, 5, OrderStatus.PENDING, 0, null));
            stores.orders().add(order("o-6", OTHER, "a", EXTERNAL_LEASE, 2, 5, 1, OrderStatus.PENDING, 0, null));
            stores.orders().add(order("o-7", POOL, "a", EXTERNAL_LEASE, 2, 1, 7, OrderStatus.ALLOCATED, 1, null));
        });
        assertThat(ids(tx(() -> stores.orders().pending(POOL, EXTERNAL_LEASE, 1000, Optional.empty(), 10))))
                .containsExactly("o-1", "o-2", "o-3", "o-4");
        assertThat(ids(tx(() -> stores.orders().pending(POOL, EXTERNAL_LEASE, 8, Optional.empty(), 10))))
                .containsExactly("o-1", "o-3", "o-4");
        List<CapacityOrder> first = tx(() -> stores.orders().pending(POOL, EXTERNAL_LEASE, 1000, Optional.empty(), 2));
        assertThat(ids(first)).containsExactly("o-1", "o-2");
        assertThat(ids(tx(() -> stores.orders().pending(POOL, EXTERNAL_LEASE, 1000, Optional.of(first.get(1)), 2))))
                .containsExactly("o-3", "o-4");
        assertThat(ids(tx(() -> stores.orders().pending(POOL, INTERNAL_TRAINING, 1000, Optional.empty(), 10))))
                .isEmpty();
    }

    @Test
    void pagesPreemptionCandidatesLowestTierFirstThenNewestAdmission() {
        run(() -> {
            stores.orders().add(order("t0", POOL, "a", INTERNAL_TRAINING, 8, 1, 1, OrderStatus.ALLOCATED, 1, null));
            stores.orders().add(order("p-old", POOL, "a", MODEL_PLATFORM, 8, 2, 2, OrderStatus.ALLOCATED, 2, null));
            stores.orders().add(order("p-new", POOL, "a", MODEL_PLATFORM, 8, 3, 3, OrderStatus.ALLOCATED, 5, null));
            stores.orders().add(order("l-old", POOL, "a", EXTERNAL_LEASE, 8, 4, 4, OrderStatus.ALLOCATED, 3, null));
            stores.orders().add(order("l-new", POOL, "a", EXTERNAL_LEASE, 8, 5, 5, OrderStatus.ALLOCATED, 4, null));
            stores.orders().add(order("l-wait", POOL, "a", EXTERNAL_LEASE, 8, 6, 6, OrderStatus.PENDING, 0, null));
        });
        assertThat(ids(tx(() -> stores.orders().preemptionCandidates(POOL, MODEL_PLATFORM, Optional.empty(), 10))))
                .containsExactly("l-new", "l-old", "p-new", "p-old");
        assertThat(ids(tx(() -> stores.orders().preemptionCandidates(POOL, INTERNAL_TRAINING, Optional.empty(), 10))))
                .containsExactly("l-new", "l-old", "p-new", "p-old", "t0");
        List<CapacityOrder> page = tx(() -> stores.orders().preemptionCandidates(POOL, EXTERNAL_LEASE,
                Optional.empty(), 1));
        assertThat(ids(page)).containsExactly("l-new");
        assertThat(ids(tx(() -> stores.orders().preemptionCandidates(POOL, EXTERNAL_LEASE, Optional.of(page.get(0)), 5))))
                .containsExactly("l-old");
    }

    @Test
    void readsItsOwnWritesInsideATransaction() {
        run(() -> stores.orders().add(order("o-1", POOL, "a", EXTERNAL_LEASE, 4, 1, 1, OrderStatus.PENDING, 0, null)));
        List<String> seen = tx(() -> {
            CapacityOrder allocated = order("o-1", POOL, "a", EXTERNAL_LEASE, 4, 1, 1, OrderStatus.ALLOCATED, 1, null);
            stores.orders().update(allocated);
            stores.orders().add(order("o-2", POOL, "a", EXTERNAL_LEASE, 4, 2, 2, OrderStatus.PENDING, 0, null));
            List<String> out = new java.util.ArrayList<>(ids(stores.orders().pending(POOL, EXTERNAL_LEASE, 100,
                    Optional.empty(), 10)));
            out.addAll(ids(stores.orders().preemptionCandidates(POOL, EXTERNAL_LEASE, Optional.empty(), 10)));
            return out;
        });
        assertThat(seen).containsExactly("o-2", "o-1");
        assertThat(tx(() -> stores.orders().find(OrderId.of("o-1"))).orElseThrow().status())
                .isEqualTo(OrderStatus.ALLOCATED);
    }

    @Test
    void keepsIdempotencyKeysUniquePerTenant() {
        run(() -> stores.orders().add(order("o-1", POOL, "acme", EXTERNAL_LEASE, 4, 1, 1, OrderStatus.PENDING, 0, "k1")));
        run(() -> stores.orders().add(order("o-2", POOL, "zeta", EXTERNAL_LEASE, 4, 2, 2, OrderStatus.PENDING, 0, "k1")));
        assertThatThrownBy(() -> run(() -> stores.orders().add(
                order("o-3", OTHER, "acme", EXTERNAL_LEASE, 4, 3, 1, OrderStatus.PENDING, 0, "k1"))))
                .isInstanceOf(ConflictException.class);
        assertThat(tx(() -> stores.orders().findByIdempotencyKey(TenantId.of("acme"), "k1"))).get()
                .extracting(o -> o.id().value()).isEqualTo("o-1");
        assertThat(tx(() -> stores.orders().findByIdempotencyKey(TenantId.of("zeta"), "k1"))).get()
                .extracting(o -> o.id().value()).isEqualTo("o-2");
        assertThat(tx(() -> stores.orders().findByIdempotencyKey(TenantId.of("acme"), "k2"))).isEmpty();
        assertThat(tx(() -> stores.orders().find(OrderId.of("o-3")))).isEmpty();
    }

    @Test
    void listsOrdersBySubmissionWithFiltersAndKeysetPages() {
        run(() -> {
            for (int i = 1; i <= 9; i++) {
                stores.orders().add(order("o-" + i, i % 2 == 0 ? OTHER : POOL, i % 3 == 0 ? "acme" : "zeta",
                        WorkloadClass.values()[i % 3], i, i, i, i % 4 == 0 ? OrderStatus.ALLOCATED : OrderStatus.PENDING,
                        i % 4 == 0 ? i : 0, null));
            }
        });
        List<CapacityOrder> page1 = tx(() -> stores.orders().list(OrderFilter.ALL, Optional.empty(), 4));
        assertThat(ids(page1)).containsExactly("o-1", "o-2", "o-3", "o-4");
        assertThat(ids(tx(() -> stores.orders().list(OrderFilter.ALL, Optional.of(page1.get(3)), 100))))
                .containsExactly("o-5", "o-6", "o-7", "o-8", "o-9");
        OrderFilter acmeInHangzhou = new OrderFilter(Optional.of(POOL.region()), Optional.of(POOL.accelerator()),
                Optional.empty(), Optional.empty(), Optional.of(TenantId.of("acme")), Optional.empty(), Optional.empty());
        assertThat(ids(tx(() -> stores.orders().list(acmeInHangzhou, Optional.empty(), 100))))
                .containsExactly("o-3", "o-9");
        OrderFilter allocatedInWindow = new OrderFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(OrderStatus.ALLOCATED), Optional.empty(), Optional.of(T0.plusSeconds(5)),
                Optional.of(T0.plusSeconds(9)));
        assertThat(ids(tx(() -> stores.orders().list(allocatedInWindow, Optional.empty(), 100))))
                .containsExactly("o-8");
        OrderFilter tier = new OrderFilter(Optional.empty(), Optional.empty(), Optional.of(MODEL_PLATFORM),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(ids(tx(() -> stores.orders().list(tier, Optional.empty(), 100)))).containsExactly("o-1", "o-4", "o-7");
    }

    private static List<String> ids(List<CapacityOrder> orders) {
        return orders.stream().map(o -> o.id().value()).toList();
    }
}
