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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One GPU pool with its order book and a clock that moves a minute per step, in the words the
 * tests speak: submit, release, cancel, lose or gain capacity, reserve, change the policy. Each
 * submission's decision is checked against the rules as they stood before it; after each step it
 * checks what must always hold: {@code allocated <= capacity}, the pool's counters equal
 * what the orders say, the backlog is stable (computed here, independently of the pool), and the
 * events recorded tell what changed.
 */
final class PoolScenario {
    static final PoolId POOL = PoolId.of("cn-hangzhou", "H20");
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final TenantId TENANT = TenantId.of("acme");

    final InMemoryOrderBook book = new InMemoryOrderBook();
    final GpuPool pool;
    private final List<DomainEvent> recorded = new ArrayList<>();
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

    /**
     * Submits, then checks the decision against the rules as they stood just before: admitted whole
     * only if it fit in what its tier may use, or with preemption of strictly lower tiers only if it
     * could not fit otherwise; never ahead of a waiting order under strict FIFO.
     */
    CapacityOrder submitAt(String id, WorkloadClass tier, long gpus, Instant submittedAt) {
        List<CapacityOrder> before = book.all();
        Map<WorkloadClass, Long> allocatedBefore = allocatedByTier(before);
        long usable = usable(tier, allocatedBefore);
        long reachable = reachable(tier, allocatedBefore);
        boolean strict = pool.policy().queueing() == QueueingMode.STRICT_FIFO;
        boolean anOrderAheadWaits = before.stream().anyMatch(o -> o.status() == OrderStatus.PENDING
                && (o.tier().isHigherThan(tier) || (o.tier() == tier && !o.submittedAt().isAfter(submittedAt))));

        CapacityOrder order = pool.submit(OrderId.of(id), TENANT, tier, gpus, submittedAt, null, book);

        List<DomainEvent> fresh = pullRecorded();
        List<CapacityOrder> victims = preempted(fresh, before, "preempted by order " + id + " (");
        if (order.status() == OrderStatus.ALLOCATED) {
            assertThat(strict && anOrderAheadWaits).as("%s admitted while an order ahead of it waits", id).isFalse();
            if (victims.isEmpty()) {
                assertThat(gpus).as("%s admitted without preemption fits what %s may use", id, tier)
                        .isLessThanOrEqualTo(usable);
            } else {
                assertThat(pool.policy().preemption()).as("%s preempted with preemption off", id).isTrue();
                assertThat(gpus).as("%s preempted although it fit", id).isGreaterThan(usable);
                assertThat(gpus).as("%s preempted more than lower tiers hold", id).isLessThanOrEqualTo(reachable);
                assertThat(victims).as("%s preempts strictly lower tiers only", id)
                        .allSatisfy(v -> assertThat(tier.isHigherThan(v.tier())).isTrue());
                assertMinimal(victims, gpus - usable, id);
            }
        } else {
            assertThat(victims).as("%s waits but preempted orders", id).isEmpty();
        }
        check(before, fresh);
        return order;
    }

    void release(String id) {
        List<CapacityOrder> before = book.all();
        pool.release(book.get(id), tick(), book);
        check(before, pullRecorded());
    }

    void cancel(String id) {
        List<CapacityOrder> before = book.all();
        pool.cancel(book.get(id), tick(), "customer withdrew", book);
        check(before, pullRecorded());
    }

    /**
     * Changes the capacity; a loss that leaves allocated above it must preempt a minimal set of
     * orders that brings allocated within it. (A gain may preempt too: the drain after it applies
     * the admission rules, preemption included.)
     */
    void changeCapacity(long delta) {
        List<CapacityOrder> before = book.all();
        long allocatedBefore = allocatedByTier(before).values().stream().mapToLong(Long::longValue).sum();
        pool.changeCapacity(delta, tick(), delta > 0 ? "servers activated" : "servers retired", book);
        List<DomainEvent> fresh = pullRecorded();
        long excess = allocatedBefore - pool.capacity();
        List<CapacityOrder> victims = preempted(fresh, before, "capacity of " + POOL + " fell to");
        if (excess > 0) {
            assertMinimal(victims, excess, "the capacity loss");
        } else {
            assertThat(victims).as("a change that leaves allocated within capacity preempts for it").isEmpty();
        }
        check(before, fresh);
    }

    void reserve(WorkloadClass tier, long gpus) {
        List<CapacityOrder> before = book.all();
        pool.reserve(tier, gpus, tick(), "held for " + tier, book);
        check(before, pullRecorded());
    }

    void policy(QueueingMode queueing, boolean preemption) {
        List<CapacityOrder> before = book.all();
        pool.changePolicy(new PoolPolicy(queueing, preemption), tick(), "policy review", book);
        check(before, pullRecorded());
    }

    /** The orders (as they were before) whose ORDER_PREEMPTED event gives a reason starting with {@code why}. */
    private static List<CapacityOrder> preempted(List<DomainEvent> events, List<CapacityOrder> before, String why) {
        List<String> ids = events.stream()
                .filter(e -> e.type() == EventType.ORDER_PREEMPTED && e.reason().startsWith(why))
                .map(DomainEvent::subject).toList();
        return before.stream().filter(o -> ids.contains(o.id().value())).toList();
    }

    /** Takes the pool's new events for checking, keeping them for the test to read with {@link #events()}. */
    private List<DomainEvent> pullRecorded() {
        List<DomainEvent> fresh = pool.pullEvents();
        recorded.addAll(fresh);
        return fresh;
    }

    /** The victims cover the need, and none of them is superfluous. */
    private static void assertMinimal(List<CapacityOrder> victims, long need, String forWhat) {
        long freed = victims.stream().mapToLong(CapacityOrder::size).sum();
        assertThat(freed).as("victims of %s cover the %s GPUs needed", forWhat, need).isGreaterThanOrEqualTo(need);
        for (CapacityOrder v : victims) {
            assertThat(freed - v.size()).as("victim %s of %s is superfluous", v.id(), forWhat).isLessThan(need);
        }
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

    /** The pool as a line: capacity, reservations, policy, and every live order as id:tier:gpus. */
    String describe() {
        StringBuilder out = new StringBuilder("capacity " + pool.capacity() + ", reserved " + pool.reservedByTier()
                + ", " + pool.policy().queueing() + (pool.policy().preemption() ? " with" : " without")
                + " preemption; allocated");
        for (CapacityOrder o : book.all()) {
            if (o.status() == OrderStatus.ALLOCATED) {
                out.append(' ').append(o.id()).append(':').append(o.tier().rank()).append(':').append(o.size())
                        .append("#").append(o.admission());
            }
        }
        out.append("; pending");
        for (String id : backlog()) {
            CapacityOrder o = book.get(id);
            out.append(' ').append(id).append(':').append(o.tier().rank()).append(':').append(o.size());
        }
        return out.toString();
    }

    /** The events recorded since the last call (or since the scenario was set up), then forgotten. */
    List<DomainEvent> events() {
        pullRecorded();
        List<DomainEvent> out = List.copyOf(recorded);
        recorded.clear();
        return out;
    }

    List<DomainEvent> events(EventType type) {
        return events().stream().filter(e -> e.type() == type).toList();
    }

    private static Map<WorkloadClass, Long> allocatedByTier(List<CapacityOrder> orders) {
        Map<WorkloadClass, Long> allocated = new EnumMap<>(WorkloadClass.class);
        for (WorkloadClass t : WorkloadClass.values()) {
            allocated.put(t, sum(orders, t, OrderStatus.ALLOCATED));
        }
        return allocated;
    }

    /**
     * What must hold after an operation: the invariants; its order events replay to the statuses
     * it left; every preemption was by an order of a strictly higher tier; and under strict FIFO no
     * order was admitted by it while an order ahead of it still waits.
     */
    void check(List<CapacityOrder> before, List<DomainEvent> events) {
        check();
        assertEventsTellWhatHappened(before, events);
        for (DomainEvent e : events) {
            if (e.type() == EventType.ORDER_PREEMPTED && e.reason().startsWith("preempted by order ")) {
                String by = e.reason().substring("preempted by order ".length()).split(" ")[0];
                assertThat(book.get(by).tier().isHigherThan(book.get(e.subject()).tier()))
                        .as("%s preempted by %s, of a tier not strictly higher", e.subject(), by).isTrue();
            }
        }
        if (pool.policy().queueing() == QueueingMode.STRICT_FIFO) {
            List<CapacityOrder> after = book.all();
            List<CapacityOrder> waiting = after.stream().filter(o -> o.status() == OrderStatus.PENDING).toList();
            for (CapacityOrder admitted : after) {
                boolean admittedNow = admitted.status() == OrderStatus.ALLOCATED && before.stream()
                        .noneMatch(o -> o.id().equals(admitted.id()) && o.status() == OrderStatus.ALLOCATED);
                if (admittedNow) {
                    assertThat(waiting).as("strict FIFO: %s admitted while an order ahead of it waits", admitted.id())
                            .noneMatch(w -> CapacityOrder.QUEUE_ORDER.compare(w, admitted) < 0);
                }
            }
        }
    }

    /** Replaying the operation's order events on the statuses before it gives the statuses after it. */
    private void assertEventsTellWhatHappened(List<CapacityOrder> before, List<DomainEvent> events) {
        Map<String, OrderStatus> replayed = new HashMap<>();
        before.forEach(o -> replayed.put(o.id().value(), o.status()));
        for (DomainEvent e : events) {
            switch (e.type()) {
                case ORDER_SUBMITTED, ORDER_PREEMPTED -> replayed.put(e.subject(), OrderStatus.PENDING);
                case ORDER_ALLOCATED -> replayed.put(e.subject(), OrderStatus.ALLOCATED);
                case ORDER_RELEASED -> replayed.put(e.subject(), OrderStatus.RELEASED);
                case ORDER_CANCELLED -> replayed.put(e.subject(), OrderStatus.CANCELLED);
                default -> { }
            }
        }
        Map<String, OrderStatus> actual = new HashMap<>();
        book.all().forEach(o -> actual.put(o.id().value(), o.status()));
        assertThat(replayed).as("the order events recorded tell every change of status").isEqualTo(actual);
    }

    /** What must hold after every operation. */
    void check() {
        List<CapacityOrder> orders = book.all();
        Map<WorkloadClass, Long> allocated = allocatedByTier(orders);
        Map<WorkloadClass, Long> pendingOrders = new EnumMap<>(WorkloadClass.class);
        Map<WorkloadClass, Long> pendingGpus = new EnumMap<>(WorkloadClass.class);
        for (WorkloadClass t : WorkloadClass.values()) {
            pendingOrders.put(t, orders.stream().filter(o -> o.tier() == t && o.status() == OrderStatus.PENDING).count());
            pendingGpus.put(t, sum(orders, t, OrderStatus.PENDING));
        }
        assertThat(pool.allocatedByTier()).as("allocated GPUs per tier = what the allocated orders hold")
                .isEqualTo(allocated);
        assertThat(pool.pendingByTier()).as("pending orders per tier = the pending orders").isEqualTo(pendingOrders);
        assertThat(pool.pendingGpusByTier()).as("pending GPUs per tier = what the pending orders ask")
                .isEqualTo(pendingGpus);
        assertThat(pool.allocatedTotal()).as("allocated <= capacity").isLessThanOrEqualTo(pool.capacity());
        assertThat(orders).as("allocated orders have an admission time, pending ones none")
                .allSatisfy(o -> {
                    if (o.status() == OrderStatus.ALLOCATED || o.status() == OrderStatus.PENDING) {
                        assertThat(o.admittedAt().isPresent()).isEqualTo(o.status() == OrderStatus.ALLOCATED);
                    }
                });

        List<CapacityOrder> backlog = orders.stream().filter(o -> o.status() == OrderStatus.PENDING)
                .sorted(CapacityOrder.QUEUE_ORDER).toList();
        List<CapacityOrder> mustNotFit = pool.policy().queueing() == QueueingMode.STRICT_FIFO
                ? backlog.stream().limit(1).toList() : backlog;
        for (CapacityOrder waiting : mustNotFit) {
            assertThat(waiting.size()).as("backlog is stable: %s (%s, %s GPUs) could be admitted now", waiting.id(),
                    waiting.tier(), waiting.size()).isGreaterThan(reachable(waiting.tier(), allocated));
        }
    }

    /** {@code free - heldForHigher}: what the tier may take without preempting, from DESIGN.md's formulas. */
    private long usable(WorkloadClass tier, Map<WorkloadClass, Long> allocated) {
        long capacity = pool.capacity();
        long free = capacity - allocated.values().stream().mapToLong(Long::longValue).sum();
        long left = capacity;
        long heldForHigher = 0;
        for (WorkloadClass t : WorkloadClass.values()) {
            long effective = Math.min(pool.reserved(t), left);
            left -= effective;
            if (t.isHigherThan(tier)) {
                heldForHigher += Math.max(0, effective - allocated.get(t));
            }
        }
        return free - heldForHigher;
    }

    /** The largest order of the tier the admission rules allow now, preemption included. */
    private long reachable(WorkloadClass tier, Map<WorkloadClass, Long> allocated) {
        long below = 0;
        for (WorkloadClass t : WorkloadClass.values()) {
            if (tier.isHigherThan(t)) {
                below += allocated.get(t);
            }
        }
        return usable(tier, allocated) + (pool.policy().preemption() ? below : 0);
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
