package io.fleetplan.domain.gpu;

import io.fleetplan.domain.shared.AggregateRoot;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Require;
import io.fleetplan.domain.shared.RuleViolationException;
import io.fleetplan.domain.shared.TenantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.EnumMap;

/**
 * The GPUs of one accelerator type in one region, and the admission of capacity orders into them.
 *
 * <p>The pool keeps its figures (capacity, allocated and pending per tier, reservations, policy) and
 * drives every order transition, so that {@code allocated <= capacity} holds after every
 * operation and the backlog is stable: no pending order could be admitted by the rules. The
 * rules (DESIGN.md, "Admission"):
 * <ol>
 *   <li>{@code free = capacity - allocated}; GPUs reserved for a higher tier and not yet used by it
 *       are held back from lower tiers.</li>
 *   <li>An order that fits in what its tier may use is allocated, whole.</li>
 *   <li>Otherwise, with preemption on and enough GPUs held by strictly lower tiers, victims are
 *       taken lowest tier first, newest admission first, until the need is met; then every victim
 *       not needed after all is handed back, in reverse order. Victims are re-queued with their
 *       original submitted-at.</li>
 *   <li>Otherwise the order waits. Under {@link QueueingMode#STRICT_FIFO} no order is admitted while
 *       one ahead of it in (tier, submitted-at) order waits.</li>
 *   <li>A capacity loss that leaves allocated above capacity preempts lowest tiers first until it
 *       fits again: facts about hardware are never refused.</li>
 *   <li>After a release, cancellation, capacity, reservation or policy change the backlog is drained
 *       by the same rules, in (tier, submitted-at) order.</li>
 * </ol>
 */
public final class GpuPool extends AggregateRoot {
    private static final int TIERS = WorkloadClass.values().length;
    private static final int PAGE = 256;

    private final PoolId id;
    private long capacity;
    private final long[] allocated;
    private final long[] reserved;
    private final long[] pending;
    private final long[] pendingGpus;
    private PoolPolicy policy;
    private long submissions;
    private long admissions;

    private GpuPool(PoolId id, long capacity, long[] allocated, long[] reserved, long[] pending, long[] pendingGpus,
                    PoolPolicy policy, long submissions, long admissions, long version) {
        super(version);
        this.id = Require.present(id, "pool");
        this.capacity = Require.notNegative(capacity, "capacity");
        this.allocated = tiers(allocated, "allocated");
        this.reserved = tiers(reserved, "reserved");
        this.pending = tiers(pending, "pending");
        this.pendingGpus = tiers(pendingGpus, "pendingGpus");
        this.policy = Require.present(policy, "policy");
        this.submissions = Require.notNegative(submissions, "submissions");
        this.admissions = Require.notNegative(admissions, "admissions");
        if (allocatedTotal() > capacity) {
            throw new InvalidValueException("allocated", "pool " + id + " cannot hold " + allocatedTotal()
                    + " allocated GPUs with a capacity of " + capacity);
        }
    }

    private static long[] tiers(long[] values, String field) {
        Require.present(values, field);
        if (values.length != TIERS) {
            throw new InvalidValueException(field, field + " needs one figure per tier");
        }
        for (long v : values) {
            Require.notNegative(v, field);
        }
        return values.clone();
    }

    public static GpuPool create(PoolId id) {
        GpuPool pool = new GpuPool(id, 0, new long[TIERS], new long[TIERS], new long[TIERS], new long[TIERS],
                PoolPolicy.DEFAULT, 0, 0, 0);
        pool.record(DomainEvent.of(EventType.POOL_CREATED, id, ""));
        return pool;
    }

    /**
     * For stores. {@code allocated}, {@code reserved}, {@code pending} (orders) and {@code pendingGpus}
     * are indexed by {@link WorkloadClass#rank()}.
     */
    public static GpuPool reconstitute(PoolId id, long capacity, long[] allocated, long[] reserved, long[] pending,
                                       long[] pendingGpus, PoolPolicy policy, long submissions, long admissions,
                                       long version) {
        return new GpuPool(id, capacity, allocated, reserved, pending, pendingGpus, policy, submissions, admissions,
                version);
    }

    // ---------------------------------------------------------------- operations

    /** Enqueues a new order, then admits what the rules admit. Returns the order as it stands after. */
    public CapacityOrder submit(OrderId orderId, TenantId tenant, WorkloadClass tier, long gpus, Instant now,
                                String idempotencyKey, OrderBook book) {
        Require.present(tier, "tier");
        CapacityOrder order = CapacityOrder.submit(orderId, id, tenant, tier, gpus, now, submissions + 1,
                idempotencyKey);
        submissions++;
        record(DomainEvent.of(EventType.ORDER_SUBMITTED, orderId, "", "pool", id, "tenant", tenant, "tier", tier,
                "gpus", gpus));
        boolean aheadWaits = policy.queueing() == QueueingMode.STRICT_FIFO && waitsBehind(order, book);
        enqueue(order);
        Admission admission = aheadWaits ? Admission.NONE : tryAdmit(order, now, book);
        if (admission == Admission.NONE) {
            record(queued(order, aheadWaits));
        }
        book.add(order);
        if (admission == Admission.WITH_PREEMPTION) {
            drain(now, book);
        }
        return order;
    }

    /** The order's GPUs go back to the pool; the backlog drains. */
    public void release(CapacityOrder order, Instant now, OrderBook book) {
        own(order);
        order.release(now);
        allocated[order.tier().rank()] -= order.size();
        record(DomainEvent.of(EventType.ORDER_RELEASED, order.id(), "", "pool", id, "gpus", order.size()));
        book.update(order);
        drain(now, book);
    }

    /** A pending order leaves the backlog, or an allocated one gives its GPUs back; the backlog drains. */
    public void cancel(CapacityOrder order, Instant now, String reason, OrderBook book) {
        own(order);
        OrderStatus before = order.status();
        order.cancel(now);
        if (before == OrderStatus.ALLOCATED) {
            allocated[order.tier().rank()] -= order.size();
        } else {
            dequeue(order);
        }
        record(DomainEvent.of(EventType.ORDER_CANCELLED, order.id(), reason, "pool", id, "was", before, "gpus",
                order.size()));
        book.update(order);
        drain(now, book);
    }

    /**
     * Servers came into or left service. A loss that leaves allocated above capacity preempts the
     * lowest tiers until it fits; then the backlog drains.
     */
    public void changeCapacity(long delta, Instant now, String reason, OrderBook book) {
        if (delta == 0) {
            return;
        }
        long before = capacity;
        capacity = Math.max(0, Math.addExact(capacity, delta));
        record(DomainEvent.of(EventType.POOL_CAPACITY_CHANGED, id, reason, "from", before, "to", capacity));
        long excess = allocatedTotal() - capacity;
        if (excess > 0) {
            List<CapacityOrder> victims = chooseVictims(WorkloadClass.INTERNAL_TRAINING, excess, book);
            for (CapacityOrder victim : victims) {
                preempt(victim, "capacity of " + id + " fell to " + capacity, book);
            }
        }
        drain(now, book);
    }

    /**
     * Holds {@code gpus} of the pool for one tier: lower tiers may not take them. Raising a
     * reservation may not take the sum of reservations above the capacity; lowering one is never
     * refused (after a capacity loss the sum may already be above it).
     */
    public void reserve(WorkloadClass tier, long gpus, Instant now, String reason, OrderBook book) {
        Require.present(tier, "tier");
        Require.notNegative(gpus, "gpus");
        long others = Arrays.stream(reserved).sum() - reserved[tier.rank()];
        if (gpus > reserved[tier.rank()] && others + gpus > capacity) {
            throw new RuleViolationException("reservation-exceeds-capacity", "reserving " + gpus + " GPUs for "
                    + tier + " would bring the reservations of pool " + id + " to " + (others + gpus)
                    + ", above its capacity of " + capacity);
        }
        reserved[tier.rank()] = gpus;
        record(DomainEvent.of(EventType.POOL_RESERVATION_SET, id, reason, "tier", tier, "gpus", gpus));
        drain(now, book);
    }

    public void changePolicy(PoolPolicy newPolicy, Instant now, String reason, OrderBook book) {
        policy = Require.present(newPolicy, "policy");
        record(DomainEvent.of(EventType.POOL_POLICY_SET, id, reason, "queueing", newPolicy.queueing(),
                "preemption", newPolicy.preemption()));
        drain(now, book);
    }

    // ---------------------------------------------------------------- admission

    private enum Admission { NONE, FITS, WITH_PREEMPTION }

    /** Admits pending orders by the rules, in (tier, submitted-at) order, until nothing more can be. */
    private void drain(Instant now, OrderBook book) {
        boolean strict = policy.queueing() == QueueingMode.STRICT_FIFO;
        for (WorkloadClass tier : WorkloadClass.highestFirst()) {
            Optional<CapacityOrder> after = Optional.empty();
            while (pending[tier.rank()] > 0) {
                long bound = strict ? CapacityOrder.MAX_SIZE : reachableBy(tier);
                if (bound <= 0) {
                    break;
                }
                List<CapacityOrder> page = book.pending(id, tier, bound, after, PAGE);
                for (CapacityOrder order : page) {
                    after = Optional.of(order);
                    boolean admitted = order.status() == OrderStatus.PENDING && order.size() <= reachableBy(tier)
                            && tryAdmit(order, now, book) != Admission.NONE;
                    if (admitted) {
                        book.update(order);
                    } else if (strict) {
                        return;
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            if (strict && pending[tier.rank()] > 0) {
                return;
            }
        }
    }

    /** Allocates the order if the rules allow, preempting lower tiers if needed and allowed. */
    private Admission tryAdmit(CapacityOrder order, Instant now, OrderBook book) {
        WorkloadClass tier = order.tier();
        long usable = free() - heldFor(tier);
        if (order.size() <= usable) {
            allocate(order, now, "fits");
            return Admission.FITS;
        }
        if (!policy.preemption() || tier.rank() == TIERS - 1) {
            return Admission.NONE;
        }
        long need = order.size() - usable;
        if (allocatedBelow(tier) < need) {
            return Admission.NONE;
        }
        WorkloadClass below = WorkloadClass.values()[tier.rank() + 1];
        List<CapacityOrder> victims = chooseVictims(below, need, book);
        for (CapacityOrder victim : victims) {
            preempt(victim, "preempted by order " + order.id() + " (" + tier + ", " + order.size() + " GPUs)", book);
        }
        allocate(order, now, "preempted " + victims.size() + " lower-tier order(s)");
        return Admission.WITH_PREEMPTION;
    }

    /**
     * The minimal set of allocated orders in tier {@code highest} or below whose GPUs cover
     * {@code need}: taken lowest tier first, newest admission first, then every one not needed after
     * all handed back in reverse order.
     */
    private List<CapacityOrder> chooseVictims(WorkloadClass highest, long need, OrderBook book) {
        List<CapacityOrder> victims = new ArrayList<>();
        long freed = 0;
        Optional<CapacityOrder> after = Optional.empty();
        while (freed < need) {
            List<CapacityOrder> page = book.preemptionCandidates(id, highest, after, PAGE);
            for (int i = 0; i < page.size() && freed < need; i++) {
                CapacityOrder candidate = page.get(i);
                after = Optional.of(candidate);
                victims.add(candidate);
                freed += candidate.size();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (freed < need) {
            throw new IllegalStateException("pool " + id + " counts " + need + " preemptible GPUs that its orders do not hold");
        }
        for (int i = victims.size() - 1; i >= 0; i--) {
            long size = victims.get(i).size();
            if (freed - size >= need) {
                freed -= size;
                victims.remove(i);
            }
        }
        return victims;
    }

    private void allocate(CapacityOrder order, Instant now, String why) {
        order.allocate(now, ++admissions);
        dequeue(order);
        allocated[order.tier().rank()] += order.size();
        record(DomainEvent.of(EventType.ORDER_ALLOCATED, order.id(), why, "pool", id, "tier", order.tier(), "gpus",
                order.size()));
    }

    private void preempt(CapacityOrder victim, String why, OrderBook book) {
        victim.preempt();
        allocated[victim.tier().rank()] -= victim.size();
        enqueue(victim);
        record(DomainEvent.of(EventType.ORDER_PREEMPTED, victim.id(), why, "pool", id, "tier", victim.tier(), "gpus",
                victim.size()));
        book.update(victim);
    }

    private void enqueue(CapacityOrder order) {
        pending[order.tier().rank()]++;
        pendingGpus[order.tier().rank()] += order.size();
    }

    private void dequeue(CapacityOrder order) {
        pending[order.tier().rank()]--;
        pendingGpus[order.tier().rank()] -= order.size();
    }

    private DomainEvent queued(CapacityOrder order, boolean aheadWaits) {
        String why = aheadWaits
                ? "strict FIFO: an order ahead of it waits"
                : "needs " + order.size() + " GPUs; " + Math.max(0, free() - heldFor(order.tier())) + " usable by "
                + order.tier() + (policy.preemption() ? " and " + allocatedBelow(order.tier()) + " preemptible" : "");
        return DomainEvent.of(EventType.ORDER_QUEUED, order.id(), why, "pool", id, "tier", order.tier(), "gpus",
                order.size());
    }

    private void own(CapacityOrder order) {
        if (!order.pool().equals(id)) {
            throw new InvalidValueException("pool", "order " + order.id() + " belongs to pool " + order.pool()
                    + ", not " + id);
        }
    }

    // ---------------------------------------------------------------- figures

    /**
     * Reservations as they hold now: a reservation holds only what exists, so after a capacity loss
     * the higher tiers' reservations are honoured first.
     */
    public long effectiveReservation(WorkloadClass tier) {
        long left = capacity;
        for (WorkloadClass t : WorkloadClass.highestFirst()) {
            long effective = Math.min(reserved[t.rank()], left);
            if (t == tier) {
                return effective;
            }
            left -= effective;
        }
        throw new IllegalArgumentException(String.valueOf(tier));
    }

    /** GPUs reserved for tiers above {@code tier} and not used by them: {@code tier} may not take them. */
    public long heldFor(WorkloadClass tier) {
        long held = 0;
        for (WorkloadClass t : WorkloadClass.highestFirst()) {
            if (!t.isHigherThan(tier)) {
                break;
            }
            held += Math.max(0, effectiveReservation(t) - allocated[t.rank()]);
        }
        return held;
    }

    /** GPUs allocated to tiers strictly below {@code tier}: what it could preempt. */
    public long allocatedBelow(WorkloadClass tier) {
        long sum = 0;
        for (int r = tier.rank() + 1; r < TIERS; r++) {
            sum += allocated[r];
        }
        return sum;
    }

    /** The largest order of {@code tier} the rules could admit now. */
    public long reachableBy(WorkloadClass tier) {
        return free() - heldFor(tier) + (policy.preemption() ? allocatedBelow(tier) : 0);
    }

    /** Whether a pending order is ahead of {@code order} in (tier, submitted-at, sequence) order. */
    private boolean waitsBehind(CapacityOrder order, OrderBook book) {
        for (int r = 0; r < order.tier().rank(); r++) {
            if (pending[r] > 0) {
                return true;
            }
        }
        if (pending[order.tier().rank()] == 0) {
            return false;
        }
        List<CapacityOrder> head = book.pending(id, order.tier(), CapacityOrder.MAX_SIZE, Optional.empty(), 1);
        return !head.isEmpty() && CapacityOrder.QUEUE_ORDER.compare(head.get(0), order) < 0;
    }

    public PoolId id() {
        return id;
    }

    public long capacity() {
        return capacity;
    }

    public long allocatedTotal() {
        return Arrays.stream(allocated).sum();
    }

    public long free() {
        return capacity - allocatedTotal();
    }

    public long allocated(WorkloadClass tier) {
        return allocated[tier.rank()];
    }

    public long reserved(WorkloadClass tier) {
        return reserved[tier.rank()];
    }

    /** Pending orders of the tier (a count of orders, not GPUs). */
    public long pending(WorkloadClass tier) {
        return pending[tier.rank()];
    }

    /** GPUs asked for by the pending orders of the tier: the tier's backlog. */
    public long pendingGpus(WorkloadClass tier) {
        return pendingGpus[tier.rank()];
    }

    /** GPUs asked for by all pending orders: the pool's backlog. */
    public long backlogGpus() {
        return Arrays.stream(pendingGpus).sum();
    }

    public Map<WorkloadClass, Long> pendingGpusByTier() {
        return byTier(pendingGpus);
    }

    public long pendingTotal() {
        return Arrays.stream(pending).sum();
    }

    public Map<WorkloadClass, Long> allocatedByTier() {
        return byTier(allocated);
    }

    public Map<WorkloadClass, Long> reservedByTier() {
        return byTier(reserved);
    }

    public Map<WorkloadClass, Long> pendingByTier() {
        return byTier(pending);
    }

    private static Map<WorkloadClass, Long> byTier(long[] values) {
        Map<WorkloadClass, Long> out = new EnumMap<>(WorkloadClass.class);
        for (WorkloadClass t : WorkloadClass.highestFirst()) {
            out.put(t, values[t.rank()]);
        }
        return out;
    }

    public PoolPolicy policy() {
        return policy;
    }

    /** How many orders were ever submitted to the pool: the last submission sequence. */
    public long submissions() {
        return submissions;
    }

    /** How many admissions the pool ever made: the last admission number. */
    public long admissions() {
        return admissions;
    }
}
