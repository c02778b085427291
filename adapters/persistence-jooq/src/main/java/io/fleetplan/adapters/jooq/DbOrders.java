package io.fleetplan.adapters.jooq;

import io.fleetplan.adapters.jooq.schema.tables.records.CapacityOrderRecord;
import io.fleetplan.application.port.out.CapacityOrders;
import io.fleetplan.application.port.out.OrderFilter;
import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.OrderStatus;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.OrderId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.TenantId;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.fleetplan.adapters.jooq.schema.Tables.CAPACITY_ORDER;

/**
 * Capacity orders. Admission reads them as keyset pages over the order indexes: the backlog of a
 * pool per tier in (submitted-at, sequence) order, its allocations in preemption order (lowest
 * tier first, newest admission first), and every order in (submitted-at, id) order for listing.
 * All reads run on the transaction's connection, so they see the writes made before them in it.
 * Orders are written without a version check: the pool's row lock already serialises them.
 */
final class DbOrders implements CapacityOrders {
    private static final WorkloadClass[] TIERS = WorkloadClass.values();
    private static final String IDEMPOTENCY_CONSTRAINT = "capacity_order_idempotency_key";

    private final Transactions tx;
    /** Every admission inserts its order: the statement is rendered once. */
    private final String insertSql;

    DbOrders(Transactions tx) {
        this.tx = tx;
        this.insertSql = tx.render(DSL.insertInto(CAPACITY_ORDER).columns(CAPACITY_ORDER.fields())
                .values(Arrays.stream(CAPACITY_ORDER.fields()).map(f -> DSL.param(f.getName(), f.getDataType())).toList()));
    }

    @Override
    public void add(CapacityOrder order) {
        // One statement: a duplicate id or idempotency key is found by the unique constraints.
        DSLContext dsl = tx.dsl();
        CapacityOrderRecord row = row(order);
        row.setVersion(1L);
        try {
            dsl.execute(insertSql, Arrays.stream(CAPACITY_ORDER.fields()).map(f -> typed(row, f)).toArray());
        } catch (DataAccessException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            ConflictException conflict = SqlErrors.violates(e, IDEMPOTENCY_CONSTRAINT) ? keyUsed(order)
                    : ConflictException.alreadyExists("order", order.id());
            conflict.initCause(e);
            throw conflict;
        }
    }

    /** The row's value of {@code field} as a bind value of the column's type (a null too). */
    private static <T> Object typed(CapacityOrderRecord row, Field<T> field) {
        return DSL.val(row.get(field), field);
    }

    private static ConflictException keyUsed(CapacityOrder order) {
        return new ConflictException("idempotency-key-exists", "tenant " + order.tenant()
                + " already used idempotency key '" + order.idempotencyKey().orElseThrow() + "'");
    }

    /**
     * Changes of orders wait in the transaction and are written together, in one batch of one
     * prepared statement, before the next read of orders and before the commit: a drain that
     * admits thousands of orders sends one batch instead of thousands of statements.
     */
    @Override
    public void update(CapacityOrder order) {
        changed(tx.tx()).put(order.id(), order);
    }

    private Map<OrderId, CapacityOrder> changed(Tx current) {
        return current.attached(this, t -> {
            Map<OrderId, CapacityOrder> changed = new LinkedHashMap<>();
            t.onCommit(() -> write(t.dsl(), changed));
            return changed;
        });
    }

    /** The transaction's connection, with the changed orders written first so that a read sees them. */
    private DSLContext reading() {
        Tx current = tx.tx();
        DSLContext dsl = current.dsl();
        write(dsl, changed(current));
        return dsl;
    }

    /** Only what an order changes after it is placed: its status and admission figures. */
    private static void write(DSLContext dsl, Map<OrderId, CapacityOrder> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<CapacityOrder> orders = new ArrayList<>(changed.values());
        changed.clear();
        BatchBindStep batch = dsl.batch(dsl.update(CAPACITY_ORDER)
                .set(CAPACITY_ORDER.STATUS, (String) null)
                .set(CAPACITY_ORDER.ADMITTED_AT, (OffsetDateTime) null)
                .set(CAPACITY_ORDER.ADMISSION, (Long) null)
                .set(CAPACITY_ORDER.PREEMPTIONS, (Integer) null)
                .set(CAPACITY_ORDER.CLOSED_AT, (OffsetDateTime) null)
                .set(CAPACITY_ORDER.VERSION, CAPACITY_ORDER.VERSION.plus(DSL.inline(1L)))
                .where(CAPACITY_ORDER.ID.eq((String) null)));
        for (CapacityOrder o : orders) {
            batch = batch.bind(o.status().name(), Values.column(o.admittedAt().orElse(null)), o.admission(),
                    o.preemptions(), Values.column(o.closedAt().orElse(null)), o.id().value());
        }
        int[] updated = batch.execute();
        for (int i = 0; i < orders.size(); i++) {
            if (updated[i] == 0) {
                CapacityOrderRecord row = row(orders.get(i));
                row.setVersion(1L);
                dsl.insertInto(CAPACITY_ORDER).set(row).execute();
            }
        }
    }

    @Override
    public Optional<CapacityOrder> find(OrderId id) {
        return reading().selectFrom(CAPACITY_ORDER).where(CAPACITY_ORDER.ID.eq(id.value()))
                .fetchOptional(DbOrders::order);
    }

    @Override
    public Optional<CapacityOrder> findByIdempotencyKey(TenantId tenant, String key) {
        return reading().selectFrom(CAPACITY_ORDER).where(keyOf(tenant, key)).fetchOptional(DbOrders::order);
    }

    @Override
    public List<CapacityOrder> pending(PoolId pool, WorkloadClass tier, long maxSize, Optional<CapacityOrder> after,
                                       int limit) {
        Condition where = inPool(pool).and(CAPACITY_ORDER.STATUS.eq(OrderStatus.PENDING.name()))
                .and(CAPACITY_ORDER.TIER.eq(tier.rank())).and(CAPACITY_ORDER.GPUS.le(maxSize));
        if (after.isPresent()) {
            CapacityOrder a = after.get();
            where = where.and(Keyset.after(CAPACITY_ORDER.SUBMITTED_AT, Values.column(a.submittedAt()),
                    CAPACITY_ORDER.SUBMISSION_SEQ, a.sequence()));
        }
        // Exactly the order of the capacity_order_pending index, its fixed leading columns included
        // (H2 sees an index as sorted only when ORDER BY starts where the index does; a pool's
        // submission sequence is unique), so a page reads its rows from the index and stops.
        return reading().selectFrom(CAPACITY_ORDER).where(where)
                .orderBy(CAPACITY_ORDER.REGION_ID, CAPACITY_ORDER.ACCELERATOR_TYPE_ID, CAPACITY_ORDER.STATUS,
                        CAPACITY_ORDER.TIER, CAPACITY_ORDER.SUBMITTED_AT, CAPACITY_ORDER.SUBMISSION_SEQ)
                .limit(limit).fetch(DbOrders::order);
    }

    @Override
    public List<CapacityOrder> preemptionCandidates(PoolId pool, WorkloadClass highest, Optional<CapacityOrder> after,
                                                    int limit) {
        Condition where = inPool(pool).and(CAPACITY_ORDER.STATUS.eq(OrderStatus.ALLOCATED.name()))
                .and(CAPACITY_ORDER.TIER.ge(highest.rank()));
        if (after.isPresent()) {
            CapacityOrder a = after.get();
            int t = a.tier().rank();
            where = where.and(CAPACITY_ORDER.TIER.le(t)).and(CAPACITY_ORDER.TIER.lt(t)
                    .or(CAPACITY_ORDER.TIER.eq(t).and(CAPACITY_ORDER.ADMISSION.lt(a.admission())))
                    .or(CAPACITY_ORDER.TIER.eq(t).and(CAPACITY_ORDER.ADMISSION.eq(a.admission()))
                            .and(CAPACITY_ORDER.ID.gt(a.id().value()))));
        }
        return reading().selectFrom(CAPACITY_ORDER).where(where)
                .orderBy(CAPACITY_ORDER.TIER.desc(), CAPACITY_ORDER.ADMISSION.desc(), CAPACITY_ORDER.ID.asc())
                .limit(limit).fetch(DbOrders::order);
    }

    @Override
    public List<CapacityOrder> list(OrderFilter filter, Optional<CapacityOrder> after, int limit) {
        Condition where = DSL.noCondition();
        if (filter.region().isPresent()) {
            where = where.and(CAPACITY_ORDER.REGION_ID.eq(filter.region().get().value()));
        }
        if (filter.accelerator().isPresent()) {
            where = where.and(CAPACITY_ORDER.ACCELERATOR_TYPE_ID.eq(filter.accelerator().get().value()));
        }
        if (filter.tier().isPresent()) {
            where = where.and(CAPACITY_ORDER.TIER.eq(filter.tier().get().rank()));
        }
        if (filter.status().isPresent()) {
            where = where.and(CAPACITY_ORDER.STATUS.eq(filter.status().get().name()));
        }
        if (filter.tenant().isPresent()) {
            where = where.and(CAPACITY_ORDER.TENANT_ID.eq(filter.tenant().get().value()));
        }
        if (filter.from().isPresent()) {
            where = where.and(CAPACITY_ORDER.SUBMITTED_AT.ge(Values.column(filter.from().get())));
        }
        if (filter.to().isPresent()) {
            where = where.and(CAPACITY_ORDER.SUBMITTED_AT.lt(Values.column(filter.to().get())));
        }
        if (after.isPresent()) {
            where = where.and(Keyset.after(CAPACITY_ORDER.SUBMITTED_AT, Values.column(after.get().submittedAt()),
                    CAPACITY_ORDER.ID, after.get().id().value()));
        }
        return reading().selectFrom(CAPACITY_ORDER).where(where).orderBy(CAPACITY_ORDER.SUBMITTED_AT, CAPACITY_ORDER.ID)
                .limit(limit).fetch(DbOrders::order);
    }

    private static Condition inPool(PoolId pool) {
        return CAPACITY_ORDER.REGION_ID.eq(pool.region().value())
                .and(CAPACITY_ORDER.ACCELERATOR_TYPE_ID.eq(pool.accelerator().value()));
    }

    private static Condition keyOf(TenantId tenant, String key) {
        return CAPACITY_ORDER.TENANT_ID.eq(tenant.value()).and(CAPACITY_ORDER.IDEMPOTENCY_KEY.eq(key));
    }

    /** The order's columns, without its version. */
    private static CapacityOrderRecord row(CapacityOrder o) {
        CapacityOrderRecord row = new CapacityOrderRecord();
        row.setId(o.id().value());
        row.setRegionId(o.pool().region().value());
        row.setAcceleratorTypeId(o.pool().accelerator().value());
        row.setTenantId(o.tenant().value());
        row.setTier(o.tier().rank());
        row.setGpus(o.size());
        row.setSubmittedAt(Values.column(o.submittedAt()));
        row.setSubmissionSeq(o.sequence());
        row.setIdempotencyKey(o.idempotencyKey().orElse(null));
        row.setStatus(o.status().name());
        row.setAdmittedAt(Values.column(o.admittedAt().orElse(null)));
        row.setAdmission(o.admission());
        row.setPreemptions(o.preemptions());
        row.setClosedAt(Values.column(o.closedAt().orElse(null)));
        row.changed(true); // null columns too: a preempted order's admission time must be cleared
        row.changed(CAPACITY_ORDER.VERSION, false);
        return row;
    }

    private static CapacityOrder order(CapacityOrderRecord r) {
        return CapacityOrder.reconstitute(OrderId.of(r.getId()),
                new PoolId(RegionId.of(r.getRegionId()), AcceleratorTypeId.of(r.getAcceleratorTypeId())),
                TenantId.of(r.getTenantId()), TIERS[r.getTier()], r.getGpus(), Values.instant(r.getSubmittedAt()),
                r.getSubmissionSeq(), r.getIdempotencyKey(), OrderStatus.valueOf(r.getStatus()),
                Values.instant(r.getAdmittedAt()), r.getAdmission(), r.getPreemptions(),
                Values.instant(r.getClosedAt()), r.getVersion());
    }
}
