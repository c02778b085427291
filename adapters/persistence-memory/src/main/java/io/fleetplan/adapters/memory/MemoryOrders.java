package io.fleetplan.adapters.memory;

import io.fleetplan.application.port.out.CapacityOrders;
import io.fleetplan.application.port.out.OrderFilter;
import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.OrderStatus;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.TenantId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Orders, with the indexes admission reads: pending orders per (pool, tier) in queue order,
 * allocated orders per pool in preemption order, idempotency keys per tenant, and every order in
 * (submitted-at, id) order for listing. The indexes follow every write and every rollback.
 */
final class MemoryOrders implements CapacityOrders {
    private static final Comparator<CapacityOrder> QUEUE = Comparator.comparing(CapacityOrder::submittedAt)
            .thenComparingLong(CapacityOrder::sequence).thenComparing(CapacityOrder::id);
    private static final Comparator<CapacityOrder> PREEMPTION = CapacityOrder.PREEMPTION_ORDER
            .thenComparing(CapacityOrder::id);
    private static final Comparator<CapacityOrder> LISTING = Comparator.comparing(CapacityOrder::submittedAt)
            .thenComparing(CapacityOrder::id);

    private record PoolTier(PoolId pool, WorkloadClass tier) {
    }

    private record TenantKey(TenantId tenant, String key) {
    }

    private final Map<PoolTier, NavigableSet<CapacityOrder>> pending = new HashMap<>();
    private final Map<PoolId, NavigableSet<CapacityOrder>> allocated = new HashMap<>();
    private final Map<TenantKey, OrderId> keys = new HashMap<>();
    private final NavigableSet<CapacityOrder> listing = new TreeSet<>(LISTING);
    private final Aggregates<OrderId, CapacityOrder> orders;

    MemoryOrders(MemoryUnitOfWork unitOfWork) {
        this.orders = new Aggregates<>("order", CapacityOrder::id, Copies::order, LISTING, unitOfWork, this::reindex);
    }

    Table<OrderId, CapacityOrder> table() {
        return orders.table();
    }

    private void reindex(CapacityOrder old, CapacityOrder now) {
        if (old != null) {
            index(old).ifPresent(set -> set.remove(old));
            listing.remove(old);
            if (now == null) {
                old.idempotencyKey().ifPresent(k -> keys.remove(new TenantKey(old.tenant(), k)));
            }
        }
        if (now != null) {
            index(now).ifPresent(set -> set.add(now));
            listing.add(now);
            now.idempotencyKey().ifPresent(k -> keys.put(new TenantKey(now.tenant(), k), now.id()));
        }
    }

    private Optional<NavigableSet<CapacityOrder>> index(CapacityOrder o) {
        if (o.status() == OrderStatus.PENDING) {
            return Optional.of(pending.computeIfAbsent(new PoolTier(o.pool(), o.tier()), k -> new TreeSet<>(QUEUE)));
        }
        if (o.status() == OrderStatus.ALLOCATED) {
            return Optional.of(allocated.computeIfAbsent(o.pool(), k -> new TreeSet<>(PREEMPTION)));
        }
        return Optional.empty();
    }

    @Override
    public void add(CapacityOrder order) {
        order.idempotencyKey().ifPresent(k -> {
            if (keys.containsKey(new TenantKey(order.tenant(), k))) {
                throw new ConflictException("idempotency-key-exists", "tenant " + order.tenant()
                        + " already used idempotency key '" + k + "'");
            }
        });
        orders.add(order);
    }

    @Override
    public void update(CapacityOrder order) {
        orders.put(order);
    }

    @Override
    public Optional<CapacityOrder> find(OrderId id) {
        return orders.find(id);
    }

    @Override
    public Optional<CapacityOrder> findByIdempotencyKey(TenantId tenant, String key) {
        OrderId id = keys.get(new TenantKey(tenant, key));
        return id == null ? Optional.empty() : orders.find(id);
    }

    @Override
    public List<CapacityOrder> pending(PoolId pool, WorkloadClass tier, long maxSize, Optional<CapacityOrder> after,
                                       int limit) {
        NavigableSet<CapacityOrder> set = pending.get(new PoolTier(pool, tier));
        List<CapacityOrder> out = new ArrayList<>();
        if (set == null) {
            return out;
        }
        NavigableSet<CapacityOrder> from = after.isPresent() ? set.tailSet(after.get(), false) : set;
        for (CapacityOrder o : from) {
            if (out.size() >= limit) {
                break;
            }
            if (o.size() <= maxSize) {
                out.add(orders.copy(o));
            }
        }
        return out;
    }

    @Override
    public List<CapacityOrder> preemptionCandidates(PoolId pool, WorkloadClass highest, Optional<CapacityOrder> after,
                                                    int limit) {
        NavigableSet<CapacityOrder> set = allocated.get(pool);
        List<CapacityOrder> out = new ArrayList<>();
        if (set == null) {
            return out;
        }
        NavigableSet<CapacityOrder> from = after.isPresent() ? set.tailSet(after.get(), false) : set;
        for (CapacityOrder o : from) {
            if (out.size() >= limit || o.tier().rank() < highest.rank()) {
                break;
            }
            out.add(orders.copy(o));
        }
        return out;
    }

    @Override
    public List<CapacityOrder> list(OrderFilter filter, Optional<CapacityOrder> after, int limit) {
        NavigableSet<CapacityOrder> from = after.isPresent() ? listing.tailSet(after.get(), false) : listing;
        List<CapacityOrder> out = new ArrayList<>();
        for (CapacityOrder o : from) {
            if (out.size() >= limit) {
                break;
            }
            if (matches(filter, o)) {
                out.add(orders.copy(o));
            }
        }
        return out;
    }

    private static boolean matches(OrderFilter f, CapacityOrder o) {
        return f.region().map(r -> r.equals(o.pool().region())).orElse(true)
                && f.accelerator().map(a -> a.equals(o.pool().accelerator())).orElse(true)
                && f.tier().map(t -> t == o.tier()).orElse(true)
                && f.status().map(s -> s == o.status()).orElse(true)
                && f.tenant().map(t -> t.equals(o.tenant())).orElse(true)
                && f.from().map(t -> !o.submittedAt().isBefore(t)).orElse(true)
                && f.to().map(t -> o.submittedAt().isBefore(t)).orElse(true);
    }
}
