package io.fleetplan.application.contract;

import io.fleetplan.application.port.in.gpu.CancelOrder;
import io.fleetplan.application.port.in.gpu.OrderView;
import io.fleetplan.application.port.in.gpu.ReleaseOrder;
import io.fleetplan.application.port.in.gpu.SetPoolPolicy;
import io.fleetplan.application.port.in.gpu.SetReservation;
import io.fleetplan.application.port.out.OrderFilter;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.OrderStatus;
import io.fleetplan.domain.gpu.QueueingMode;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.DomainException;
import io.fleetplan.domain.shared.PoolId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random operation sequences on one pool through the application service API, checking after
 * every operation, with an oracle written independently of the pool's own arithmetic, that:
 * allocated never exceeds capacity; the pool's figures equal what its orders say; capacity equals
 * what is in service; lower tiers never take more of a higher tier's reservation than they held
 * before (only a reservation raised or capacity lost can put them over it, and no admission does);
 * the backlog is stable (no pending order could be admitted by the rules); under STRICT_FIFO no
 * order is admitted while one ahead of it waits; every preemption is minimal; every acknowledged
 * order is stored exactly once, in one state.
 *
 * <p>Each sequence has its own seed, printed on failure; {@code -Dfleetplan.seed=N} replays one.
 */
public abstract class AdmissionSequencesContract {
    private static final PoolId POOL = PoolId.of(Fleet.REGION, Fleet.ACCELERATOR);
    private static final WorkloadClass[] TIERS = WorkloadClass.values();

    /** A new, empty store. */
    protected abstract Stores newStores();

    /** How many sequences to run; a database store may run fewer. */
    protected int sequences() {
        return 1500;
    }

    protected int operationsPerSequence() {
        return 60;
    }

    @Test
    void randomOperationSequencesKeepEveryAdmissionInvariant() {
        String replay = System.getProperty("fleetplan.seed");
        long base = new SplittableRandom().nextLong();
        int runs = replay == null ? sequences() : 1;
        for (int i = 0; i < runs; i++) {
            long seed = replay == null ? base + i * 0x9E3779B97F4A7C15L : Long.parseLong(replay);
            try {
                runSequence(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("sequence failed; replay with -Dfleetplan.seed=" + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private void runSequence(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Fleet fleet = new Fleet(newStores()).standard();
        String batch = fleet.installedBatch(10_000);
        long activated = 0;
        long retired = 0;
        Set<String> acknowledged = new HashSet<>();
        boolean strict = false;
        Snapshot before = snapshot(fleet.stores());
        for (int op = 0; op < operationsPerSequence(); op++) {
            int kind = random.nextInt(100);
            String label = "";
            boolean mayBreachReservations = false;
            try {
                if (kind < 45) {
                    WorkloadClass tier = TIERS[random.nextInt(TIERS.length)];
                    long gpus = 1 + random.nextInt(random.nextInt(4) == 0 ? 40 : 12);
                    label = "submit " + tier + " " + gpus;
                    OrderView v = fleet.services().orders().submit(Fleet.OPERATOR,
                            fleet.order("t" + random.nextInt(5), tier.name(), gpus, null));
                    assertThat(acknowledged.add(v.id())).as("order ids are unique").isTrue();
                } else if (kind < 58) {
                    Optional<CapacityOrder> victim = pick(before, random, OrderStatus.ALLOCATED);
                    label = "release " + victim.map(CapacityOrder::id).orElse(null);
                    victim.ifPresent(o -> fleet.services().orders().release(Fleet.OPERATOR,
                            new ReleaseOrder.Command(o.id().value())));
                } else if (kind < 68) {
                    Optional<CapacityOrder> victim = random.nextBoolean() ? pick(before, random, OrderStatus.PENDING)
                            : pick(before, random, OrderStatus.ALLOCATED);
                    label = "cancel " + victim.map(CapacityOrder::id).orElse(null);
                    victim.ifPresent(o -> fleet.services().orders().cancel(Fleet.OPERATOR,
                            new CancelOrder.Command(o.id().value(), "test")));
                } else if (kind < 80) {
                    long servers = 1 + random.nextInt(4);
                    label = "activate " + servers;
                    fleet.activate(batch, servers);
                    activated += servers;
                } else if (kind < 88) {
                    long inService = activated - retired;
                    long servers = inService == 0 ? 0 : 1 + random.nextInt((int) Math.min(inService, 3));
                    label = "retire " + servers;
                    if (servers > 0) {
                        fleet.retire(batch, servers);
                        retired += servers;
                        mayBreachReservations = true;
                    }
                } else if (kind < 95) {
                    WorkloadClass tier = TIERS[random.nextInt(TIERS.length)];
                    long gpus = random.nextInt((int) Math.max(1, before.pool.capacity() / 2 + 1));
                    label = "reserve " + tier + " " + gpus;
                    mayBreachReservations = true;
                    fleet.services().orders().reserve(Fleet.OPERATOR, new SetReservation.Command(Fleet.REGION,
                            Fleet.ACCELERATOR, tier.name(), gpus, null, "test"));
                } else {
                    strict = random.nextBoolean();
                    boolean preemption = random.nextInt(4) != 0;
                    label = "policy strict=" + strict + " preemption=" + preemption;
                    fleet.services().orders().setPolicy(Fleet.OPERATOR, new SetPoolPolicy.Command(Fleet.REGION,
                            Fleet.ACCELERATOR, strict ? "STRICT_FIFO" : "BEST_EFFORT_FIFO", preemption, null, "test"));
                }
            } catch (DomainException refused) {
                label = label + " refused: " + refused.code() + " " + refused.getMessage();
                Snapshot after = snapshot(fleet.stores());
                assertThat(states(after)).as("op %d (%s) was refused and must change nothing", op, label)
                        .isEqualTo(states(before));
                assertThat(refused.code()).as("op %d (%s): only a reservation above capacity is refused", op, label)
                        .isEqualTo("reservation-exceeds-capacity");
                before = after;
                continue;
            }
            Snapshot after = snapshot(fleet.stores());
            check(op, label, before, after, activated - retired, acknowledged, mayBreachReservations);
            before = after;
        }
    }

    private static Optional<CapacityOrder> pick(Snapshot s, SplittableRandom random, OrderStatus status) {
        List<CapacityOrder> candidates = s.orders.values().stream().filter(o -> o.status == status)
                .map(o -> o.order).toList();
        return candidates.isEmpty() ? Optional.empty()
                : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    // ------------------------------------------------------------------ the oracle

    private record OrderState(CapacityOrder order, OrderStatus status, long admission) {
    }

    private record Snapshot(GpuPool pool, Map<String, OrderState> orders) {
    }

    private static Map<String, String> states(Snapshot s) {
        Map<String, String> out = new HashMap<>();
        s.orders.forEach((id, o) -> out.put(id, o.status + "/" + o.admission));
        out.put("pool", s.pool.capacity() + "/" + s.pool.allocatedByTier() + "/" + s.pool.reservedByTier() + "/"
                + s.pool.pendingByTier() + "/" + s.pool.policy());
        return out;
    }

    private static Snapshot snapshot(Stores stores) {
        return stores.unitOfWork().readOnly(() -> {
            GpuPool pool = stores.pools().find(POOL).orElseThrow();
            Map<String, OrderState> orders = new HashMap<>();
            Optional<CapacityOrder> after = Optional.empty();
            while (true) {
                List<CapacityOrder> page = stores.orders().list(OrderFilter.ALL, after, 500);
                for (CapacityOrder o : page) {
                    assertThat(orders.put(o.id().value(), new OrderState(o, o.status(), o.admission())))
                            .as("order %s listed once", o.id()).isNull();
                }
                if (page.size() < 500) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1));
            }
            return new Snapshot(pool, orders);
        });
    }

    private static void check(int op, String label, Snapshot before, Snapshot after, long serversInService,
                              Set<String> acknowledged, boolean mayBreachReservations) {
        String at = "after op " + op + " (" + label + ")";
        GpuPool pool = after.pool;
        assertThat(after.orders.keySet()).as("%s every acknowledged order is stored exactly once", at)
                .isEqualTo(acknowledged);
        assertThat(pool.capacity()).as("%s capacity is what is in service", at).isEqualTo(serversInService * 8);

        long[] allocated = new long[3];
        long[] pendingOrders = new long[3];
        long[] pendingGpus = new long[3];
        for (OrderState s : after.orders.values()) {
            int r = s.order.tier().rank();
            if (s.status == OrderStatus.ALLOCATED) {
                allocated[r] += s.order.size();
            } else if (s.status == OrderStatus.PENDING) {
                pendingOrders[r]++;
                pendingGpus[r] += s.order.size();
            }
        }
        for (WorkloadClass t : TIERS) {
            assertThat(pool.allocated(t)).as("%s allocated %s equals its orders", at, t).isEqualTo(allocated[t.rank()]);
            assertThat(pool.pending(t)).as("%s pending %s equals its orders", at, t).isEqualTo(pendingOrders[t.rank()]);
            assertThat(pool.pendingGpus(t)).as("%s pending GPUs %s", at, t).isEqualTo(pendingGpus[t.rank()]);
        }
        long total = allocated[0] + allocated[1] + allocated[2];
        assertThat(total).as("%s allocated <= capacity", at).isLessThanOrEqualTo(pool.capacity());

        // Stability: no pending order could be admitted by the rules.
        List<CapacityOrder> waiting = after.orders.values().stream().filter(s -> s.status == OrderStatus.PENDING)
                .map(s -> s.order).sorted(CapacityOrder.QUEUE_ORDER).toList();
        boolean strict = pool.policy().queueing() == QueueingMode.STRICT_FIFO;
        for (CapacityOrder o : strict ? waiting.stream().limit(1).toList() : waiting) {
            long usable = pool.capacity() - total - held(after, o.tier())
                    + (pool.policy().preemption() ? below(allocated, o.tier()) : 0);
            assertThat(o.size()).as("%s pending %s (%s, %d GPUs) could be admitted: backlog not stable", at, o.id(),
                    o.tier(), o.size()).isGreaterThan(usable);
        }

        // Strict FIFO: nothing admitted in this op while an order ahead of it still waits.
        List<CapacityOrder> admitted = after.orders.values().stream()
                .filter(s -> s.status == OrderStatus.ALLOCATED)
                .filter(s -> before.orders.get(s.order.id().value()) == null
                        || before.orders.get(s.order.id().value()).admission != s.admission)
                .map(s -> s.order).toList();
        if (strict && before.pool.policy().queueing() == QueueingMode.STRICT_FIFO) {
            for (CapacityOrder a : admitted) {
                for (CapacityOrder w : waiting) {
                    assertThat(CapacityOrder.QUEUE_ORDER.compare(w, a)).as("%s %s admitted while %s ahead of it waits",
                            at, a.id(), w.id()).isGreaterThan(0);
                }
            }
        }

        // Reservations: admissions into tier t or below never reach further into what higher tiers hold
        // (reserved or in use) than the allocations before the operation did, measured against the
        // capacity and reservations after it. A reservation raised or capacity lost may leave lower
        // tiers over a reservation; no admission may.
        for (WorkloadClass t : TIERS) {
            boolean admittedAtOrBelow = admitted.stream().anyMatch(a -> a.tier().rank() >= t.rank());
            if (admittedAtOrBelow && !mayBreachReservations) {
                long baseline = breach(pool.capacity(), pool, before.pool, t);
                assertThat(breach(pool.capacity(), pool, pool, t))
                        .as("%s admissions into %s and below take reserved GPUs", at, t)
                        .isLessThanOrEqualTo(Math.max(0, baseline));
            }
        }

        // Minimal preemption, where one admission (or a capacity loss alone) caused it.
        List<CapacityOrder> victims = after.orders.values().stream()
                .filter(s -> s.status == OrderStatus.PENDING)
                .filter(s -> {
                    OrderState b = before.orders.get(s.order.id().value());
                    return b != null && b.status == OrderStatus.ALLOCATED;
                }).map(s -> s.order).toList();
        if (!victims.isEmpty()) {
            long freed = victims.stream().mapToLong(CapacityOrder::size).sum();
            long smallest = victims.stream().mapToLong(CapacityOrder::size).min().orElseThrow();
            long beforeTotal = before.pool.allocatedTotal();
            if (admitted.size() == 1 && label.startsWith("submit")) {
                CapacityOrder a = admitted.get(0);
                long need = a.size() - (before.pool.capacity() - beforeTotal - held(before, a.tier()));
                assertThat(victims).as("%s victims are strictly lower tiers", at)
                        .allMatch(v -> a.tier().isHigherThan(v.tier()));
                assertThat(freed - smallest).as("%s preemption is minimal (need %d, victims %s)", at, need, victims)
                        .isLessThan(need);
            } else if (admitted.isEmpty() && label.startsWith("retire")) {
                long excess = beforeTotal - pool.capacity();
                assertThat(freed - smallest).as("%s capacity-loss preemption is minimal (excess %d)", at, excess)
                        .isLessThan(excess);
            }
        }
    }

    /** GPUs reserved for tiers above {@code tier} and unused by them, reservations clipped to capacity from the top. */
    private static long held(Snapshot s, WorkloadClass tier) {
        long left = s.pool.capacity();
        long held = 0;
        for (WorkloadClass t : TIERS) {
            long effective = Math.min(s.pool.reserved(t), left);
            left -= effective;
            if (t.isHigherThan(tier)) {
                held += Math.max(0, effective - s.pool.allocated(t));
            }
        }
        return held;
    }

    private static long below(long[] allocated, WorkloadClass tier) {
        long sum = 0;
        for (int r = tier.rank() + 1; r < 3; r++) {
            sum += allocated[r];
        }
        return sum;
    }

    /**
     * How far tier {@code t} and the tiers below it reach into what higher tiers hold (reserved or in
     * use), with reservations from {@code reservations} and allocations from {@code allocations}.
     */
    private static long breach(long capacity, GpuPool reservations, GpuPool allocations, WorkloadClass t) {
        long left = capacity;
        long higher = 0;
        long lower = 0;
        for (WorkloadClass u : TIERS) {
            long effective = Math.min(reservations.reserved(u), left);
            left -= effective;
            if (u.isHigherThan(t)) {
                higher += Math.max(effective, allocations.allocated(u));
            } else {
                lower += allocations.allocated(u);
            }
        }
        return higher + lower - capacity;
    }

    static Comparator<CapacityOrder> queueOrder() {
        return CapacityOrder.QUEUE_ORDER;
    }
}
