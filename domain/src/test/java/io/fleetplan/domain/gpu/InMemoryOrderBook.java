package io.fleetplan.domain.gpu;

import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A fake order book over a list, as a store would be: it keeps its own copy of every order, so an
 * order the pool changed but did not hand back with {@link #update} is not seen changed; reads
 * return fresh copies in the documented order, one keyset page at a time.
 */
final class InMemoryOrderBook implements OrderBook {
    private final List<CapacityOrder> stored = new ArrayList<>();

    @Override
    public List<CapacityOrder> pending(PoolId pool, WorkloadClass tier, long maxSize, Optional<CapacityOrder> after,
                                       int limit) {
        return page(o -> o.pool().equals(pool) && o.status() == OrderStatus.PENDING && o.tier() == tier
                && o.size() <= maxSize, CapacityOrder.QUEUE_ORDER, after, limit);
    }

    @Override
    public List<CapacityOrder> preemptionCandidates(PoolId pool, WorkloadClass highest, Optional<CapacityOrder> after,
                                                    int limit) {
        return page(o -> o.pool().equals(pool) && o.status() == OrderStatus.ALLOCATED && !o.tier().isHigherThan(highest),
                CapacityOrder.PREEMPTION_ORDER, after, limit);
    }

    private List<CapacityOrder> page(Predicate<CapacityOrder> filter, Comparator<CapacityOrder> order,
                                     Optional<CapacityOrder> after, int limit) {
        return stored.stream()
                .filter(filter)
                .filter(o -> after.map(a -> order.compare(o, a) > 0).orElse(true))
                .sorted(order)
                .limit(limit)
                .map(InMemoryOrderBook::copy)
                .toList();
    }

    @Override
    public void add(CapacityOrder order) {
        if (find(order.id()).isPresent()) {
            throw new IllegalStateException("order " + order.id() + " is already stored");
        }
        stored.add(copy(order));
    }

    @Override
    public void update(CapacityOrder order) {
        CapacityOrder before = find(order.id())
                .orElseThrow(() -> new IllegalStateException("order " + order.id() + " was never stored"));
        stored.set(stored.indexOf(before), copy(order));
    }

    /** The order as stored now. */
    CapacityOrder get(String id) {
        return find(OrderId.of(id)).map(InMemoryOrderBook::copy)
                .orElseThrow(() -> new AssertionError("no order " + id + " in the book"));
    }

    /** Every stored order, as stored now, in the order they were added. */
    List<CapacityOrder> all() {
        return stored.stream().map(InMemoryOrderBook::copy).toList();
    }

    private Optional<CapacityOrder> find(OrderId id) {
        return stored.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    private static CapacityOrder copy(CapacityOrder o) {
        return CapacityOrder.reconstitute(o.id(), o.pool(), o.tenant(), o.tier(), o.size(), o.submittedAt(),
                o.sequence(), o.idempotencyKey().orElse(null), o.status(), o.admittedAt().orElse(null), o.admission(),
                o.preemptions(), o.closedAt().orElse(null), o.version());
    }
}
