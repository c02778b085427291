package io.fleetplan.application.service.gpu;

import io.fleetplan.application.port.in.Page;
import io.fleetplan.application.port.in.gpu.CancelOrder;
import io.fleetplan.application.port.in.gpu.ListOrdersQuery;
import io.fleetplan.application.port.in.gpu.OrderQueries;
import io.fleetplan.application.port.in.gpu.OrderView;
import io.fleetplan.application.port.in.gpu.PoolView;
import io.fleetplan.application.port.in.gpu.ReleaseOrder;
import io.fleetplan.application.port.in.gpu.SetPoolPolicy;
import io.fleetplan.application.port.in.gpu.SetReservation;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import io.fleetplan.application.port.out.OrderFilter;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.service.support.Cursors;
import io.fleetplan.application.service.support.TimeOrderedIds;
import io.fleetplan.application.service.support.UseCases;
import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.OrderStatus;
import io.fleetplan.domain.gpu.PoolPolicy;
import io.fleetplan.domain.gpu.QueueingMode;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.NotFoundException;
import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.RuleViolationException;
import io.fleetplan.domain.shared.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Capacity orders and GPU pools. Every change holds the pool for the whole transaction, so that
 * admission decisions on one pool are serialised wherever they are made.
 */
public final class OrderService implements SubmitOrder, CancelOrder, ReleaseOrder, SetReservation, SetPoolPolicy,
        OrderQueries {
    private final UseCases useCases;
    private final Stores stores;

    public OrderService(UseCases useCases) {
        this.useCases = useCases;
        this.stores = useCases.stores();
    }

    @Override
    public OrderView submit(Actor actor, SubmitOrder.Command command) {
        return useCases.change(actor, command, now -> {
            PoolId poolId = PoolId.of(command.region(), command.acceleratorType());
            TenantId tenant = TenantId.of(command.tenant());
            WorkloadClass tier = WorkloadClass.valueOf(command.tier());
            GpuPool pool = lockPool(poolId);
            if (command.idempotencyKey() != null) {
                Optional<CapacityOrder> earlier = stores.orders().findByIdempotencyKey(tenant, command.idempotencyKey());
                if (earlier.isPresent()) {
                    if (!earlier.get().sameRequest(poolId, tier, command.gpus())) {
                        throw new RuleViolationException("idempotency-key-reused", "idempotency key '"
                                + command.idempotencyKey() + "' was used by tenant " + tenant
                                + " for a different order (" + earlier.get().id() + ")");
                    }
                    return view(earlier.get(), true);
                }
            }
            CapacityOrder order = pool.submit(OrderId.of(TimeOrderedIds.next("o-", now)), tenant, tier, command.gpus(), now,
                    command.idempotencyKey(), stores.orders());
            stores.pools().update(pool);
            useCases.record(actor, now, pool);
            return view(order, false);
        });
    }

    @Override
    public OrderView cancel(Actor actor, CancelOrder.Command command) {
        return onOrder(actor, command, command.orderId(),
                (pool, order, now) -> pool.cancel(order, now, reason(command.reason()), stores.orders()));
    }

    @Override
    public OrderView release(Actor actor, ReleaseOrder.Command command) {
        return onOrder(actor, command, command.orderId(),
                (pool, order, now) -> pool.release(order, now, stores.orders()));
    }

    private interface OrderAction {
        void apply(GpuPool pool, CapacityOrder order, Instant now);
    }

    private OrderView onOrder(Actor actor, Object command, String orderId, OrderAction action) {
        return useCases.change(actor, command, now -> {
            OrderId id = OrderId.of(orderId);
            PoolId poolId = stores.orders().find(id).orElseThrow(() -> new NotFoundException("order", id)).pool();
            GpuPool pool = lockPool(poolId);
            CapacityOrder order = stores.orders().find(id).orElseThrow();
            action.apply(pool, order, now);
            stores.pools().update(pool);
            useCases.record(actor, now, pool);
            return view(stores.orders().find(id).orElseThrow(), false);
        });
    }

    @Override
    public PoolView reserve(Actor actor, SetReservation.Command command) {
        return onPool(actor, command, command.region(), command.acceleratorType(), command.expectedVersion(),
                (pool, now) -> pool.reserve(WorkloadClass.valueOf(command.tier()), command.gpus(), now,
                        reason(command.reason()), stores.orders()));
    }

    @Override
    public PoolView setPolicy(Actor actor, SetPoolPolicy.Command command) {
        return onPool(actor, command, command.region(), command.acceleratorType(), command.expectedVersion(),
                (pool, now) -> pool.changePolicy(new PoolPolicy(QueueingMode.valueOf(command.queueing()),
                        command.preemption()), now, reason(command.reason()), stores.orders()));
    }

    private PoolView onPool(Actor actor, Object command, String region, String accelerator, Long expectedVersion,
                            BiConsumer<GpuPool, Instant> action) {
        return useCases.change(actor, command, now -> {
            PoolId poolId = PoolId.of(region, accelerator);
            GpuPool pool = lockPool(poolId);
            if (expectedVersion != null && expectedVersion != pool.version()) {
                throw ConflictException.staleVersion("pool", poolId, expectedVersion, pool.version());
            }
            action.accept(pool, now);
            long version = stores.pools().update(pool);
            useCases.record(actor, now, pool);
            return view(pool, version);
        });
    }

    private GpuPool lockPool(PoolId poolId) {
        return stores.pools().lock(poolId).orElseThrow(() -> new NotFoundException("pool", poolId));
    }

    private static String reason(String reason) {
        return reason == null ? "" : reason;
    }

    // ---------------------------------------------------------------- queries

    @Override
    public OrderView order(String id) {
        return useCases.read(null, () -> view(stores.orders().find(OrderId.of(id))
                .orElseThrow(() -> new NotFoundException("order", id)), false));
    }

    @Override
    public Page<OrderView> orders(ListOrdersQuery query) {
        return useCases.read(query, () -> {
            OrderFilter filter = new OrderFilter(
                    Optional.ofNullable(query.region()).map(RegionId::of),
                    Optional.ofNullable(query.acceleratorType()).map(AcceleratorTypeId::of),
                    Optional.ofNullable(query.tier()).map(WorkloadClass::valueOf),
                    Optional.ofNullable(query.status()).map(OrderStatus::valueOf),
                    Optional.ofNullable(query.tenant()).map(TenantId::of),
                    Optional.ofNullable(query.from()), Optional.ofNullable(query.to()));
            int limit = Cursors.limit(query.limit());
            List<CapacityOrder> found = stores.orders().list(filter, after(query.cursor()), limit + 1);
            return page(found, limit);
        });
    }

    @Override
    public PoolView pool(String region, String acceleratorType) {
        return useCases.read(null, () -> {
            PoolId poolId = PoolId.of(region, acceleratorType);
            GpuPool pool = stores.pools().find(poolId).orElseThrow(() -> new NotFoundException("pool", poolId));
            return view(pool, pool.version());
        });
    }

    @Override
    public List<PoolView> pools() {
        return useCases.read(null, () -> stores.pools().all().stream().map(p -> view(p, p.version())).toList());
    }

    @Override
    public Page<OrderView> backlog(String region, String acceleratorType, int limit, String cursor) {
        return useCases.read(null, () -> {
            PoolId poolId = PoolId.of(region, acceleratorType);
            stores.pools().find(poolId).orElseThrow(() -> new NotFoundException("pool", poolId));
            int max = Cursors.limit(limit);
            Optional<CapacityOrder> after = after(cursor);
            List<CapacityOrder> found = new ArrayList<>();
            for (WorkloadClass tier : WorkloadClass.highestFirst()) {
                if (after.isPresent() && after.get().tier().rank() > tier.rank()) {
                    continue;
                }
                Optional<CapacityOrder> from = after.filter(a -> a.tier() == tier);
                found.addAll(stores.orders().pending(poolId, tier, CapacityOrder.MAX_SIZE, from,
                        max + 1 - found.size()));
                if (found.size() > max) {
                    break;
                }
            }
            return page(found, max);
        });
    }

    private Optional<CapacityOrder> after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        String id = Cursors.decode(cursor);
        return Optional.of(stores.orders().find(OrderId.of(id)).orElseThrow(
                () -> new InvalidValueException("cursor", "cursor '" + cursor
                        + "' is not one this server issued")));
    }

    private static Page<OrderView> page(List<CapacityOrder> found, int limit) {
        boolean more = found.size() > limit;
        List<CapacityOrder> items = more ? found.subList(0, limit) : found;
        Optional<String> next = more ? Optional.of(Cursors.encode(items.get(items.size() - 1).id().value()))
                : Optional.empty();
        return new Page<>(items.stream().map(o -> view(o, false)).toList(), next);
    }

    static OrderView view(CapacityOrder o, boolean replayed) {
        return new OrderView(o.id().value(), o.pool().toString(), o.pool().region().value(),
                o.pool().accelerator().value(), o.tenant().value(), o.tier().name(), o.size(), o.status().name(),
                o.submittedAt(), o.admittedAt().orElse(null), o.closedAt().orElse(null), o.preemptions(),
                o.idempotencyKey().orElse(null), replayed);
    }

    static PoolView view(GpuPool pool, long version) {
        Map<String, Long> effective = new LinkedHashMap<>();
        for (WorkloadClass tier : WorkloadClass.highestFirst()) {
            effective.put(tier.name(), pool.effectiveReservation(tier));
        }
        return new PoolView(pool.id().toString(), pool.id().region().value(), pool.id().accelerator().value(),
                pool.capacity(), pool.allocatedTotal(), pool.free(), pool.backlogGpus(), named(pool.allocatedByTier()),
                named(pool.reservedByTier()), effective, named(pool.pendingByTier()), named(pool.pendingGpusByTier()),
                pool.policy().queueing().name(), pool.policy().preemption(), version);
    }

    private static Map<String, Long> named(Map<WorkloadClass, Long> byTier) {
        Map<String, Long> out = new LinkedHashMap<>();
        byTier.forEach((tier, n) -> out.put(tier.name(), n));
        return out;
    }
}
