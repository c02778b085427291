package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.out.EventFilter;
import io.fleetplan.application.port.out.OrderFilter;
import io.fleetplan.application.port.out.StoredEvent;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.fleet.ServerBatch;
import io.fleetplan.domain.fleet.ServerSku;
import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.OrderStatus;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.region.DataCenter;
import io.fleetplan.domain.shared.PoolId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a store's GPU pools against their orders and the fleet: allocated within capacity, the
 * pool's figures equal to what its orders say, capacity equal to what is in service, every order
 * stored once, and the event log numbered 1..n without a gap.
 */
final class PoolAudit {
    private static final int PAGE = 5000;
    private PoolAudit() {
    }

    /** Every order in the store, by id (read in pages). */
    static Map<String, CapacityOrder> orders(Stores stores) {
        return stores.unitOfWork().readOnly(() -> {
            Map<String, CapacityOrder> out = new HashMap<>();
            Optional<CapacityOrder> after = Optional.empty();
            while (true) {
                List<CapacityOrder> page = stores.orders().list(OrderFilter.ALL, after, PAGE);
                for (CapacityOrder o : page) {
                    assertThat(out.put(o.id().value(), o)).as("order %s listed twice", o.id()).isNull();
                }
                if (page.size() < PAGE) {
                    return out;
                }
                after = Optional.of(page.get(page.size() - 1));
            }
        });
    }

    /** Checks the store; returns every order in it, by id. */
    static Map<String, CapacityOrder> assertConsistent(Stores stores, Collection<String> acknowledged) {
        Map<String, CapacityOrder> orders = orders(stores);
        Set<String> missing = new HashSet<>(acknowledged);
        missing.removeAll(orders.keySet());
        assertThat(missing).as("acknowledged orders that are not stored").isEmpty();
        List<GpuPool> pools = stores.unitOfWork().readOnly(() -> stores.pools().all());
        Map<PoolId, Long> inService = inService(stores);
        for (GpuPool pool : pools) {
            assertThat(pool.allocatedTotal()).as("allocated <= capacity in %s", pool.id())
                    .isLessThanOrEqualTo(pool.capacity());
            assertThat(pool.capacity()).as("capacity of %s = GPUs in service", pool.id())
                    .isEqualTo(inService.getOrDefault(pool.id(), 0L));
            Map<WorkloadClass, List<CapacityOrder>> byTier = orders.values().stream()
                    .filter(o -> o.pool().equals(pool.id()))
                    .collect(java.util.stream.Collectors.groupingBy(CapacityOrder::tier));
            for (WorkloadClass tier : WorkloadClass.values()) {
                List<CapacityOrder> mine = byTier.getOrDefault(tier, List.of());
                long allocated = mine.stream().filter(o -> o.status() == OrderStatus.ALLOCATED)
                        .mapToLong(CapacityOrder::size).sum();
                List<CapacityOrder> pending = mine.stream().filter(o -> o.status() == OrderStatus.PENDING).toList();
                assertThat(pool.allocated(tier)).as("allocated %s in %s", tier, pool.id()).isEqualTo(allocated);
                assertThat(pool.pending(tier)).as("pending %s orders in %s", tier, pool.id())
                        .isEqualTo(pending.size());
                assertThat(pool.pendingGpus(tier)).as("pending %s GPUs in %s", tier, pool.id())
                        .isEqualTo(pending.stream().mapToLong(CapacityOrder::size).sum());
            }
        }
        assertGaplessEvents(stores);
        return orders;
    }

    static Map<PoolId, Long> inService(Stores stores) {
        return stores.unitOfWork().readOnly(() -> {
            Map<String, DataCenter> dcs = new HashMap<>();
            stores.dataCenters().list(Optional.empty()).forEach(dc -> dcs.put(dc.id().value(), dc));
            Map<String, ServerSku> skus = new HashMap<>();
            stores.skus().all().forEach(s -> skus.put(s.id().value(), s));
            Map<PoolId, Long> out = new HashMap<>();
            for (ServerBatch b : stores.batches().list(Optional.empty())) {
                ServerSku sku = skus.get(b.sku().value());
                PoolId pool = new PoolId(dcs.get(b.dataCenter().value()).region(), sku.accelerator());
                out.merge(pool, sku.acceleratorsIn(b.activated() - b.retired()), Long::sum);
            }
            return out;
        });
    }

    static void assertGaplessEvents(Stores stores) {
        List<Long> sequences = new ArrayList<>();
        stores.unitOfWork().readOnly(() -> {
            long after = 0;
            while (true) {
                List<StoredEvent> page = stores.events().list(EventFilter.ALL, after, 5000);
                page.forEach(e -> sequences.add(e.sequence()));
                if (page.size() < 5000) {
                    return null;
                }
                after = page.get(page.size() - 1).sequence();
            }
        });
        Set<Long> distinct = new HashSet<>(sequences);
        assertThat(distinct).hasSize(sequences.size());
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("event sequence at position %d", i).isEqualTo(i + 1L);
        }
    }
}
