package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.in.gpu.CancelOrder;
import io.fleetplan.application.port.in.gpu.OrderView;
import io.fleetplan.application.port.in.gpu.ReleaseOrder;
import io.fleetplan.application.port.in.gpu.SubmitOrder;
import io.fleetplan.application.service.ApplicationServices;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two store instances with their own connection pools on one PostgreSQL database, as two nodes
 * would be, each with 8 threads submitting, cancelling and releasing orders on the same two GPU
 * pools while servers are activated and retired. The pool row locks must keep every invariant:
 * afterwards allocated is within capacity everywhere, the pools' figures equal what their orders
 * say, and every acknowledged order is stored exactly once.
 */
class PostgresTwoNodesTest {
    private static final int THREADS_PER_NODE = 8;
    private static final int OPERATIONS_PER_THREAD = 30;
    private static final WorkloadClass[] TIERS = WorkloadClass.values();

    @Test
    void twoNodesKeepEveryPoolInvariantUnderConcurrentAdmission() throws Exception {
        long seed = new SplittableRandom().nextLong();
        TestDatabase database = TestDatabase.postgres("concurrency");
        try (DatabaseStores first = database.open();
             DatabaseStores second = DatabaseStores.postgres(first.url(), PostgresCluster.user(), "", 12)) {
            List<ApplicationServices> nodes = List.of(TestFleet.services(first.stores()),
                    TestFleet.services(second.stores()));
            List<String> batches = TestFleet.build(nodes.get(0), 2, 400);
            for (String batch : batches) {
                TestFleet.activate(nodes.get(0), batch, 10);
            }

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            List<String> known = new CopyOnWriteArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            AtomicInteger refused = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(2 * (THREADS_PER_NODE + 1));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                ApplicationServices node = nodes.get(n);
                for (int t = 0; t < THREADS_PER_NODE; t++) {
                    SplittableRandom random = new SplittableRandom(seed + n * 1000L + t);
                    int thread = n * 100 + t;
                    running.add(executor.submit(() -> {
                        start.await();
                        for (int op = 0; op < OPERATIONS_PER_THREAD; op++) {
                            try {
                                orderOperation(node, random, thread, op, acknowledged, known);
                            } catch (DomainException e) {
                                refused.incrementAndGet(); // e.g. releasing an order another thread cancelled
                            } catch (Throwable e) {
                                failures.add(e);
                            }
                        }
                        return null;
                    }));
                }
                SplittableRandom random = new SplittableRandom(seed - n - 1);
                running.add(executor.submit(() -> {
                    start.await();
                    for (int op = 0; op < OPERATIONS_PER_THREAD; op++) {
                        String batch = batches.get(random.nextInt(batches.size()));
                        try {
                            if (random.nextInt(3) == 0) {
                                TestFleet.retire(node, batch, 1 + random.nextInt(4));
                            } else {
                                TestFleet.activate(node, batch, 1 + random.nextInt(4));
                            }
                        } catch (DomainException e) {
                            refused.incrementAndGet(); // nothing left to activate or retire in that batch
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Future<?> f : running) {
                f.get(3, TimeUnit.MINUTES);
            }
            executor.shutdown();
            System.out.printf("%d operations on 2 nodes in %d ms (%d refused by the rules)%n",
                    2 * (THREADS_PER_NODE + 1) * OPERATIONS_PER_THREAD, (System.nanoTime() - t0) / 1_000_000,
                    refused.get());

            assertThat(failures).as("unexpected failures (seed %d)", seed).isEmpty();
            assertThat(acknowledged).hasSizeGreaterThan(THREADS_PER_NODE * OPERATIONS_PER_THREAD / 2);
            PoolAudit.assertConsistent(first.stores(), acknowledged);
            PoolAudit.assertConsistent(second.stores(), acknowledged);
            Map<String, ?> stored = PoolAudit.orders(first.stores());
            assertThat(stored).hasSize(acknowledged.size());
        }
    }

    private static void orderOperation(ApplicationServices node, SplittableRandom random, int thread, int op,
                                       Set<String> acknowledged, List<String> known) {
        int kind = random.nextInt(100);
        if (kind < 55 || known.isEmpty()) {
            String accelerator = TestFleet.ACCELERATORS.get(random.nextInt(TestFleet.ACCELERATORS.size()));
            // some keys are shared by threads of both nodes: exactly one order per (tenant, key)
            String key = random.nextInt(5) == 0 ? "shared-" + random.nextInt(20) : "k-" + thread + "-" + op;
            WorkloadClass tier = TIERS[random.nextInt(TIERS.length)];
            long gpus = key.startsWith("shared") ? 8 : 1 + random.nextInt(24);
            OrderView view = node.orders().submit(TestFleet.OPERATOR, new SubmitOrder.Command(TestFleet.REGION,
                    key.startsWith("shared") ? "H20" : accelerator, "tenant-" + (key.startsWith("shared") ? 0
                    : random.nextInt(4)), key.startsWith("shared") ? "EXTERNAL_LEASE" : tier.name(), gpus, key));
            if (acknowledged.add(view.id())) {
                known.add(view.id());
            }
        } else if (kind < 80) {
            String id = known.get(random.nextInt(known.size()));
            node.orders().release(TestFleet.OPERATOR, new ReleaseOrder.Command(id));
        } else {
            String id = known.get(random.nextInt(known.size()));
            node.orders().cancel(TestFleet.OPERATOR, new CancelOrder.Command(id, "no longer needed"));
        }
    }
}
