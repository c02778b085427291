package io.fleetplan.application.contract;

import io.fleetplan.application.port.in.gpu.CancelOrder;
import io.fleetplan.application.port.in.gpu.OrderView;
import io.fleetplan.application.port.in.gpu.ReleaseOrder;
import io.fleetplan.application.port.out.OrderFilter;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.OrderStatus;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.DomainException;
import io.fleetplan.domain.shared.PoolId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads submitting, releasing and cancelling orders on one pool through the application
 * service API while servers come into and leave service: afterwards allocated <= capacity, the
 * pool's figures equal its orders, capacity equals what is in service, the backlog is stable,
 * and every acknowledged order is stored exactly once, in one state.
 */
public abstract class ConcurrencyContract {
    private static final PoolId POOL = PoolId.of(Fleet.REGION, Fleet.ACCELERATOR);

    protected abstract Stores newStores();

    protected int threads() {
        return 16;
    }

    protected int operationsPerThread() {
        return 10_000;
    }

    @Test
    void concurrentOperationsOnOnePoolKeepTheInvariants() throws Exception {
        long seed = new SplittableRandom().nextLong();
        Fleet fleet = new Fleet(newStores()).standard();
        String batch = fleet.installedBatch(100_000);
        fleet.activate(batch, 50);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong inService = new AtomicLong(50);
        ExecutorService pool = Executors.newFixedThreadPool(threads());
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads(); t++) {
            SplittableRandom random = new SplittableRandom(seed + t);
            String tenant = "tenant-" + t;
            done.add(pool.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (int op = 0; op < operationsPerThread(); op++) {
                    int kind = random.nextInt(100);
                    try {
                        if (kind < 50 || mine.isEmpty()) {
                            WorkloadClass tier = WorkloadClass.values()[random.nextInt(3)];
                            OrderView v = fleet.services().orders().submit(Fleet.OPERATOR,
                                    fleet.order(tenant, tier.name(), 1 + random.nextInt(32), null));
                            assertThat(acknowledged.add(v.id())).isTrue();
                            mine.add(v.id());
                        } else if (kind < 80) {
                            String id = mine.remove(random.nextInt(mine.size()));
                            fleet.services().orders().release(Fleet.OPERATOR, new ReleaseOrder.Command(id));
                        } else if (kind < 92) {
                            String id = mine.remove(random.nextInt(mine.size()));
                            fleet.services().orders().cancel(Fleet.OPERATOR, new CancelOrder.Command(id, "done"));
                        } else if (kind < 97) {
                            fleet.activate(batch, 1);
                            inService.incrementAndGet();
                        } else {
                            fleet.retire(batch, 1);
                            inService.decrementAndGet();
                        }
                    } catch (DomainException refused) {
                        assertThat(refused.code()).as("seed %d", seed)
                                .isIn("illegal-order-transition", "pipeline-step-exceeds-batch");
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();

        Stores stores = fleet.stores();
        stores.unitOfWork().readOnly(() -> {
            GpuPool p = stores.pools().find(POOL).orElseThrow();
            Map<String, CapacityOrder> all = new HashMap<>();
            Optional<CapacityOrder> after = Optional.empty();
            List<CapacityOrder> page;
            do {
                page = stores.orders().list(OrderFilter.ALL, after, 1000);
                for (CapacityOrder o : page) {
                    assertThat(all.put(o.id().value(), o)).as("order %s stored once", o.id()).isNull();
                }
                after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1));
            } while (page.size() == 1000);
            assertThat(all.keySet()).as("seed %d: every acknowledged order is stored", seed).isEqualTo(acknowledged);
            assertThat(p.capacity()).isEqualTo(inService.get() * 8);
            assertThat(p.allocatedTotal()).isLessThanOrEqualTo(p.capacity());
            for (WorkloadClass tier : WorkloadClass.values()) {
                assertThat(p.allocated(tier)).as("allocated %s", tier).isEqualTo(all.values().stream()
                        .filter(o -> o.tier() == tier && o.status() == OrderStatus.ALLOCATED)
                        .mapToLong(CapacityOrder::size).sum());
                assertThat(p.pending(tier)).as("pending %s", tier).isEqualTo(all.values().stream()
                        .filter(o -> o.tier() == tier && o.status() == OrderStatus.PENDING).count());
                long reachable = p.reachableBy(tier);
                assertThat(all.values().stream().filter(o -> o.tier() == tier && o.status() == OrderStatus.PENDING))
                        .as("backlog stable").allMatch(o -> o.size() > reachable);
            }
            return null;
        });
    }
}
