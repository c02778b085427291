package io.fleetplan.domain.gpu;

import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One GPU pool with its order book and a clock that moves a minute per step, in the words the
 * tests speak: submit, release, cancel, lose or gain capacity, reserve, change the policy. After
 * each step it checks what must always hold: {@code allocated <= capacity}, the pool's counters equal
 * what the orders say, and the backlog is stable (computed here, independently of the pool).
 */
final class PoolScenario {
    static final PoolId POOL = PoolId.of("cn-hangzhou", "H20");
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final TenantId TENANT = TenantId.of("acme");

    final InMemoryOrderBook book = new InMemoryOrderBook();
    final GpuPool pool;
    private Instant now = T0;

    private PoolScenario(long capacity, PoolPolicy policy) {
        pool = GpuPool.create(POOL);
        if (!policy.equals(pool.policy())) {
            pool.changePolicy(policy, now, "set up", book);
        }
        if (capacity > 0) {
            pool.changeCapacity(capacity, now, "servers in service", book);
        }
        pool.pullEvents();
    }

    static PoolScenario withCapacity(long capacity) {
        return new PoolScenario(capacity, PoolPolicy.DEFAULT);
    }

    static PoolScenario withCapacity(long capacity, QueueingMode queueing, boolean preemption) {
        return new PoolScenario(capacity, new PoolPolicy(queueing, preemption));
    }

    Instant tick() {
        now = now.plus(Duration.ofMinutes(1));
        return now;
    }

    Instant now() {
        return now;
    }

    CapacityOrder submit(String id, WorkloadClass tier, long gpus) {
        return submitAt(id, tier, gpus, tick());
    }

    CapacityOrder submitAt(String id, WorkloadClass tier, long gpus, Instant submittedAt) {
        CapacityOrder order = pool.submit(OrderId.of(id), TENANT, tier, gpus, submittedAt, null, book);
        check();
        return order;
    }

    void release(String id) {
        pool.release(book.get(id), tick(), book);
        check();
    }

    void cancel(String id) {
        pool.cancel(book.get(id), tick(), "customer withdrew", book);
        check();
    }

    void changeCapacity(long delta) {
        pool.changeCapacity(delta, tick(), delta > 0 ? "servers activated" : "servers retired", book);
        check();
    }

    void reserve(WorkloadClass tier, long gpus) {
        pool.reserve(tier, gpus, tick(), "held for " + tier, book);
        check();
    }

    void policy(QueueingMode queueing, boolean preemption) {
        pool.changePolicy(new PoolPolicy(queueing, preemption), tick(), "policy review", book);
        check();
    }

    CapacityOrder order(String id) {
        return book.get(id);
    }

    OrderStatus status(String id) {
        return book.get(id).status();
    }

    /** Ids of the allocated orders, in the order they were submitted. */
    List<String> allocated() {
        return ids(OrderStatus.ALLOCATED);
    }

    /** Ids of the pending orders, in backlog (tier, submitted-at) order. */
    List<String> backlog() {
        return book.all().stream().filter(o -> o.status() == OrderStatus.PENDING)
                .sorted(CapacityOrder.QUEUE_ORDER).map(o -> o.id().value()).toList();
    }

    private List<String> ids(OrderStatus status) {
        return book.all().stream().filter(o -> o.status() == status).map(o -> o.id().value()).toList();
    }

    List<DomainEvent> events() {
        return pool.pullEvents();
    }

    List<DomainEvent> events(EventType type) {
        return pool.pullEvents().stream().filter(e -> e.type() == type).toList();
    }

    /** What must hold after every operation. */
    void check() {
        List<CapacityOrder> orders = book.all();
        Map<WorkloadClass, Long> allocated = new EnumMap<>(WorkloadClass.class);
        Map<WorkloadClass, Long> pendingOrders = new EnumMap<>(WorkloadClass.class);
        Map<WorkloadClass, Long> pendingGpus = new EnumMap<>(WorkloadClass.class);
        for (WorkloadClass t : WorkloadClass.values()) {
            allocated.put(t, sum(orders, t, OrderStatus.ALLOCATED));
            pendingOrders.put(t, orders.stream().filter(o -> o.tier() == t && o.status() == OrderStatus.PENDING).count());
            pendingGpus.put(t, sum(orders, t, OrderStatus.PENDING));
        }
        assertThat(pool.allocatedByTier()).as("allocated GPUs per tier = what the allocated orders hold")
                .isEqualTo(allocated);
        assertThat(pool.pendingByTier()).as("pending orders per tier = the pending orders").isEqualTo(pendingOrders);
        assertThat(pool.pendingGpusByTier()).as("pending GPUs per tier = what the pending orders ask")
                .isEqualTo(pendingGpus);
        assertThat(pool.allocatedTotal()).as("allocated <= capacity").isLessThanOrEqualTo(pool.capacity());
        assertThat(orders).as("allocated orders have an admission time, others none")
                .allSatisfy(o -> assertThat(o.admittedAt().isPresent()).isEqualTo(o.status() == OrderStatus.ALLOCATED));

        List<CapacityOrder> backlog = orders.stream().filter(o -> o.status() == OrderStatus.PENDING)
                .sorted(CapacityOrder.QUEUE_ORDER).toList();
        List<CapacityOrder> mustNotFit = pool.policy().queueing() == QueueingMode.STRICT_FIFO
                ? backlog.stream().limit(1).toList() : backlog;
        for (CapacityOrder waiting : mustNotFit) {
            assertThat(waiting.size()).as("backlog is stable: %s (%s, %s GPUs) could be admitted now", waiting.id(),
                    waiting.tier(), waiting.size()).isGreaterThan(reachable(waiting.tier(), allocated));
        }
    }

    /** The largest order of the tier the admission rules allow now, computed from DESIGN.md's formulas. */
    private long reachable(WorkloadClass tier, Map<WorkloadClass, Long> allocated) {
        long capacity = pool.capacity();
        long free = capacity - allocated.values().stream().mapToLong(Long::longValue).sum();
        long left = capacity;
        long heldForHigher = 0;
        long below = 0;
        for (WorkloadClass t : WorkloadClass.values()) {
            long effective = Math.min(pool.reserved(t), left);
            left -= effective;
            if (t.rank() < tier.rank()) {
                heldForHigher += Math.max(0, effective - allocated.get(t));
            } else if (t.rank() > tier.rank()) {
                below += allocated.get(t);
            }
        }
        return free - heldForHigher + (pool.policy().preemption() ? below : 0);
    }

    private static long sum(List<CapacityOrder> orders, WorkloadClass tier, OrderStatus status) {
        return orders.stream().filter(o -> o.tier() == tier && o.status() == status).mapToLong(CapacityOrder::size).sum();
    }

    static List<String> sortedIds(List<CapacityOrder> orders, Comparator<CapacityOrder> order) {
        List<CapacityOrder> copy = new ArrayList<>(orders);
        copy.sort(order);
        return copy.stream().map(o -> o.id().value()).toList();
    }
}
