package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.in.gpu.SetPoolPolicy;
import io.fleetplan.application.service.ApplicationServices;
import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.OrderStatus;
import io.fleetplan.domain.shared.PoolId;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backlog at scale: 100,000 pending orders in one pool under STRICT_FIFO, then servers brought
 * into service, in steps, until the pool has 50,000 GPUs. The drain reads the backlog in keyset
 * pages and must admit exactly the longest prefix, in (tier, submitted-at, sequence) order, that
 * fits in the capacity; the pool's figures must still agree with its orders.
 */
abstract class BacklogDrainCases {
    private static final int ORDERS = 100_000;
    private static final long SERVERS = 6_250; // x 8 GPUs = 50,000 GPUs
    private static final int STEPS = 5;
    private static final PoolId POOL = PoolId.of(TestFleet.REGION, "H20");

    protected abstract TestDatabase database();

    @Test
    void drainingALargeBacklogAdmitsExactlyTheQueuePrefixThatFits() throws SQLException {
        long seed = new SplittableRandom().nextLong();
        try (DatabaseStores store = database().open()) {
            ApplicationServices services = TestFleet.services(store.stores());
            String batch = TestFleet.build(services, 1, SERVERS).get(0);
            services.orders().setPolicy(TestFleet.OPERATOR, new SetPoolPolicy.Command(TestFleet.REGION, "H20",
                    "STRICT_FIFO", true, null, "drain the backlog strictly in queue order"));
            long began = System.nanoTime();
            List<long[]> backlog = fillBacklog(store, new SplittableRandom(seed));
            long filled = System.nanoTime();

            for (int step = 0; step < STEPS; step++) {
                TestFleet.activate(services, batch, SERVERS / STEPS);
            }
            long drained = System.nanoTime();

            // the expected admissions: the longest prefix, in queue order, whose sizes fit in 50,000 GPUs
            List<long[]> queue = new ArrayList<>(backlog);
            queue.sort(Comparator.<long[]>comparingLong(o -> o[1]).thenComparingLong(o -> o[0]));
            Set<String> expected = new java.util.HashSet<>();
            long used = 0;
            for (long[] o : queue) {
                if (used + o[2] > SERVERS * 8) {
                    break;
                }
                used += o[2];
                expected.add(id(o[0]));
            }
            Map<String, CapacityOrder> stored = PoolAudit.assertConsistent(store.stores(), expected);
            Set<String> admitted = stored.values().stream().filter(o -> o.status() == OrderStatus.ALLOCATED)
                    .map(o -> o.id().value()).collect(Collectors.toSet());
            assertThat(admitted).as("admitted orders (seed %d)", seed).hasSameSizeAs(expected).isEqualTo(expected);
            GpuPool pool = store.stores().unitOfWork().readOnly(() -> store.stores().pools().find(POOL)).orElseThrow();
            assertThat(pool.capacity()).isEqualTo(SERVERS * 8);
            assertThat(pool.allocatedTotal()).isEqualTo(used);
            assertThat(pool.pendingTotal()).isEqualTo(ORDERS - expected.size());
            System.out.printf("%s: backlog of %d written in %d ms, %d admitted in %d steps in %d ms, checked in %d ms%n",
                    getClass().getSimpleName(), ORDERS, (filled - began) / 1_000_000, expected.size(), STEPS,
                    (drained - filled) / 1_000_000, (System.nanoTime() - drained) / 1_000_000);
        }
    }

    private static String id(long n) {
        return "o-backlog-" + n;
    }

    /**
     * Writes the backlog straight into the tables, as 100,000 submissions would have left it but in
     * one statement: pending orders numbered x = 1..100,000, submitted one second apart, with a tier
     * and a size drawn from x by {@link #tier} and {@link #size}; and the pool's pending figures to
     * match. Returns (sequence, tier, size) per order.
     */
    private static List<long[]> fillBacklog(DatabaseStores store, SplittableRandom random) throws SQLException {
        long a = 2 * random.nextInt(500_000) + 1;
        long b = random.nextInt(1000);
        long c = 2 * random.nextInt(500_000) + 1;
        long d = random.nextInt(1000);
        List<long[]> orders = new ArrayList<>(ORDERS);
        long[] pending = new long[3];
        long[] pendingGpus = new long[3];
        for (long x = 1; x <= ORDERS; x++) {
            int tier = tier(x, a, b);
            long gpus = size(x, c, d);
            orders.add(new long[]{x, tier, gpus});
            pending[tier]++;
            pendingGpus[tier] += gpus;
        }
        String n = "CAST(g.x AS BIGINT)";
        String roll = "MOD(" + n + " * " + a + " + " + b + ", 10)";
        try (Connection connection = store.dataSource().getConnection();
             Statement s = connection.createStatement()) {
            int inserted = s.executeUpdate("INSERT INTO capacity_order (id, region_id, accelerator_type_id, tenant_id, tier, "
                    + "gpus, submitted_at, submission_seq, idempotency_key, status, admitted_at, admission, preemptions, "
                    + "closed_at, version) SELECT 'o-backlog-' || CAST(g.x AS VARCHAR(12)), '" + POOL.region() + "', '"
                    + POOL.accelerator() + "', 'tenant-' || CAST(MOD(g.x, 50) AS VARCHAR(4)), "
                    + "CASE WHEN " + roll + " < 2 THEN 0 WHEN " + roll + " < 5 THEN 1 ELSE 2 END, "
                    + "1 + MOD(" + n + " * " + c + " + " + d + ", 16), "
                    + "CAST('2026-01-05 00:00:00+00' AS TIMESTAMP WITH TIME ZONE) + " + n + " * INTERVAL '1' SECOND, "
                    + n + ", NULL, 'PENDING', NULL, 0, 0, NULL, 1 FROM generate_series(1, " + ORDERS + ") AS g(x)");
            assertThat(inserted).isEqualTo(ORDERS);
            assertThat(s.executeUpdate("UPDATE gpu_pool SET pending_tier0 = " + pending[0] + ", pending_tier1 = "
                    + pending[1] + ", pending_tier2 = " + pending[2] + ", pending_gpus_tier0 = " + pendingGpus[0]
                    + ", pending_gpus_tier1 = " + pendingGpus[1] + ", pending_gpus_tier2 = " + pendingGpus[2]
                    + ", submissions = " + ORDERS + ", version = version + 1 WHERE region_id = '" + POOL.region()
                    + "' AND accelerator_type_id = '" + POOL.accelerator() + "'")).isEqualTo(1);
            connection.commit();
        }
        return orders;
    }

    private static int tier(long x, long a, long b) {
        long roll = (x * a + b) % 10;
        return roll < 2 ? 0 : roll < 5 ? 1 : 2;
    }

    private static long size(long x, long c, long d) {
        return 1 + (x * c + d) % 16;
    }
}
