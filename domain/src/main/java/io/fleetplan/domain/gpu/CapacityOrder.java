package io.fleetplan.domain.gpu;

import io.fleetplan.domain.shared.AggregateRoot;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Require;
import io.fleetplan.domain.shared.RuleViolationException;
import io.fleetplan.domain.shared.TenantId;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * A request by a tenant for N GPUs of one pool, in one tier. Granted all or nothing. Its
 * transitions are driven by its {@link GpuPool}, which keeps the pool's figures in step: the
 * methods that change state are package-private for that reason.
 */
public final class CapacityOrder extends AggregateRoot {
    /** The backlog order: tier, then submitted-at, then submission sequence. */
    public static final Comparator<CapacityOrder> QUEUE_ORDER = Comparator
            .comparing(CapacityOrder::tier)
            .thenComparing(CapacityOrder::submittedAt)
            .thenComparingLong(CapacityOrder::sequence);

    /** The preemption order: lowest tier first, then the newest admission first. */
    public static final Comparator<CapacityOrder> PREEMPTION_ORDER = Comparator
            .comparing(CapacityOrder::tier).reversed()
            .thenComparing(Comparator.comparingLong(CapacityOrder::admission).reversed());

    public static final long MAX_SIZE = 1_000_000_000L;

    private final OrderId id;
    private final PoolId pool;
    private final TenantId tenant;
    private final WorkloadClass tier;
    private final long size;
    private final Instant submittedAt;
    private final long sequence;
    private final String idempotencyKey;
    private OrderStatus status;
    private Instant admittedAt;
    private long admission;
    private int preemptions;
    private Instant closedAt;

    private CapacityOrder(OrderId id, PoolId pool, TenantId tenant, WorkloadClass tier, long size,
                          Instant submittedAt, long sequence, String idempotencyKey, OrderStatus status,
                          Instant admittedAt, long admission, int preemptions, Instant closedAt, long version) {
        super(version);
        this.id = Require.present(id, "orderId");
        this.pool = Require.present(pool, "pool");
        this.tenant = Require.present(tenant, "tenant");
        this.tier = Require.present(tier, "tier");
        this.size = Require.positive(size, "gpus");
        if (size > MAX_SIZE) {
            throw new InvalidValueException("gpus", "an order may ask for at most " + MAX_SIZE + " GPUs");
        }
        this.submittedAt = Require.present(submittedAt, "submittedAt");
        this.sequence = Require.notNegative(sequence, "sequence");
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidValueException("idempotencyKey", "an idempotency key is 1 to 200 characters");
        }
        this.idempotencyKey = idempotencyKey;
        this.status = Require.present(status, "status");
        if (status == OrderStatus.ALLOCATED && admittedAt == null || status == OrderStatus.PENDING && admittedAt != null) {
            throw new InvalidValueException("admittedAt", "an allocated order has an admission time and a pending one none");
        }
        this.admittedAt = admittedAt;
        this.admission = admission;
        this.preemptions = (int) Require.notNegative(preemptions, "preemptions");
        this.closedAt = closedAt;
    }

    static CapacityOrder submit(OrderId id, PoolId pool, TenantId tenant, WorkloadClass tier, long size,
                                Instant submittedAt, long sequence, String idempotencyKey) {
        return new CapacityOrder(id, pool, tenant, tier, size, submittedAt, sequence, idempotencyKey,
                OrderStatus.PENDING, null, 0, 0, null, 0);
    }

    public static CapacityOrder reconstitute(OrderId id, PoolId pool, TenantId tenant, WorkloadClass tier, long size,
                                             Instant submittedAt, long sequence, String idempotencyKey,
                                             OrderStatus status, Instant admittedAt, long admission, int preemptions,
                                             Instant closedAt, long version) {
        return new CapacityOrder(id, pool, tenant, tier, size, submittedAt, sequence, idempotencyKey, status,
                admittedAt, admission, preemptions, closedAt, version);
    }

    void allocate(Instant at, long admissionNumber) {
        expect(OrderStatus.PENDING, "allocated");
        status = OrderStatus.ALLOCATED;
        admittedAt = at;
        admission = admissionNumber;
    }

    void preempt() {
        expect(OrderStatus.ALLOCATED, "preempted");
        status = OrderStatus.PENDING;
        admittedAt = null;
        preemptions++;
    }

    void release(Instant at) {
        expect(OrderStatus.ALLOCATED, "released");
        status = OrderStatus.RELEASED;
        closedAt = at;
    }

    void cancel(Instant at) {
        if (status.isFinal()) {
            throw illegal("cancelled");
        }
        status = OrderStatus.CANCELLED;
        closedAt = at;
    }

    private void expect(OrderStatus expected, String verb) {
        if (status != expected) {
            throw illegal(verb);
        }
    }

    private RuleViolationException illegal(String verb) {
        return new RuleViolationException("illegal-order-transition", "order " + id + " is " + status
                + " and cannot be " + verb);
    }

    /** Whether a resubmission with this key asks for the same thing. */
    public boolean sameRequest(PoolId otherPool, WorkloadClass otherTier, long otherSize) {
        return pool.equals(otherPool) && tier == otherTier && size == otherSize;
    }

    public OrderId id() {
        return id;
    }

    public PoolId pool() {
        return pool;
    }

    public TenantId tenant() {
        return tenant;
    }

    public WorkloadClass tier() {
        return tier;
    }

    public long size() {
        return size;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    /** The pool's submission counter when this order was submitted: breaks submitted-at ties. */
    public long sequence() {
        return sequence;
    }

    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public OrderStatus status() {
        return status;
    }

    /** When the order was last admitted; kept after it is released or cancelled, cleared when it is preempted. */
    public Optional<Instant> admittedAt() {
        return Optional.ofNullable(admittedAt);
    }

    /** The pool's admission counter at this order's latest admission: larger is newer. 0 if never admitted. */
    public long admission() {
        return admission;
    }

    public int preemptions() {
        return preemptions;
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }
}
