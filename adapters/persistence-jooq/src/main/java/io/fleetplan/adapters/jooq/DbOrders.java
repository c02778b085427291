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
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.fleetplan.adapters.jooq.schema.Tables.CAPACITY_ORDER;

/**
 * Capacity orders. Admission reads them as keyset pages: the backlog of a pool per tier in
 * (submitted-at, sequence) order, read in index order; its allocations in preemption order (lowest
 * tier first, newest admission first), found by the same index (pool, status, tier) and sorted;
 * and every order in (submitted-at, id) order for listing, read in index order.
 * All reads run on the transaction's connection, so they see the writes made before them in it.
 * Orders are written without a version check: the pool's row lock already serialises them.
 */
final class DbOrders implements CapacityOrders {
    private static final WorkloadClass[] TIERS = WorkloadClass.values();
    private static final String IDEMPOTENCY_CONSTRAINT = "capacity_order_idempotency_key";

    private final Transactions tx;
    /** Every admission inserts its order, a drain updates thousands: both statements are rendered once. */
    private final String insertSql;
    private final String updateSql;

    DbOrders(Transactions tx) {
        this.tx = tx;
        this.insertSql = tx.render(DSL.insertInto(CAPACITY_ORDER).columns(CAPACITY_ORDER.fields())
                .values(Arrays.stream(CAPACITY_ORDER.fields()).map(f -> DSL.param(f.getName(), f.getDataType())).toList()));
        // Only what an order changes after it is placed: its status and admission figures.
        this.updateSql = tx.render(DSL.update(CAPACITY_ORDER)
                .set(CAPACITY_ORDER.STATUS, DSL.param("status", String.class))
                .set(CAPACITY_ORDER.ADMITTED_AT, DSL.param("admittedAt", OffsetDateTime.class))
                .set(CAPACITY_ORDER.ADMISSION, DSL.param("admission", Long.class))
                .set(CAPACITY_ORDER.PREEMPTIONS, DSL.param("preemptions", Integer.class))
                .set(CAPACITY_ORDER.CLOSED_AT, DSL.param("closedAt", OffsetDateTime.class))
                .set(CAPACITY_ORDER.VERSION, CAPACITY_ORDER.VERSION.plus(DSL.inline(1L)))
                .where(CAPACITY_ORDER.ID.eq(DSL.param("id", String.class))));
    }

    /**
     * Orders placed and changed in one transaction and not yet written: placed ones wait to be
     * inserted, changed ones to be updated, each kind in one batch of one prepared statement,
     * before the next read of orders and before the commit. A drain that admits thousands of
     * orders, or a group commit of many submissions, sends one batch instead of a statement each.
     */
    private final class Held extends Tx.ByKey<OrderId, Write> {
        Held(Tx owner) {
            super(owner);
        }

        @Override
        public void flush() {
            if (!entries().isEmpty()) {
                List<Write> list = new ArrayList<>(entries().values());
                entries().clear();
                write(owner().connection(), list);
            }
        }
    }

    /** An order's latest state, to insert (placed in this transaction) or to update; {@code changed} after placing. */
    private record Write(CapacityOrder order, boolean insert, boolean changed) {
    }

    @Override
    public void add(CapacityOrder order) {
        // A duplicate id or idempotency key is found by the unique constraints when the row is written.
        Held held = held(tx.tx());
        if (held.entries().containsKey(order.id())) {
            throw ConflictException.alreadyExists("order", order.id());
        }
        held.entries().put(order.id(), new Write(order, true, false));
    }

    @Override
    public void update(CapacityOrder order) {
        Held held = held(tx.tx());
        Write before = held.entries().get(order.id());
        held.entries().put(order.id(), new Write(order, before != null && before.insert(), true));
    }

    private Held held(Tx current) {
        return current.deferred(this, Held::new);
    }

    /** The transaction's connection, with the held-back orders written first so that a read sees them. */
    private DSLContext reading() {
        Tx current = tx.tx();
        held(current).flush();
        return current.dsl();
    }

    private void write(Connection connection, List<Write> writes) {
        List<CapacityOrder> inserts = new ArrayList<>();
        List<Object[]> insertRows = new ArrayList<>();
        List<CapacityOrder> updates = new ArrayList<>();
        List<Object[]> updateRows = new ArrayList<>();
        for (Write w : writes) {
            CapacityOrder o = w.order();
            if (w.insert()) {
                CapacityOrderRecord row = row(o);
                // As if inserted at version 1 and then updated once.
                row.setVersion(w.changed() ? 2L : 1L);
                inserts.add(o);
                insertRows.add(values(row));
            } else {
                updates.add(o);
                updateRows.add(new Object[] {o.status().name(), Values.column(o.admittedAt().orElse(null)),
                        o.admission(), o.preemptions(), Values.column(o.closedAt().orElse(null)), o.id().value()});
            }
        }
        if (!inserts.isEmpty()) {
            insert(connection, inserts, insertRows);
        }
        if (!updates.isEmpty()) {
            int[] updated = Jdbc.batch(connection, updateSql, updateRows);
            List<CapacityOrder> missing = new ArrayList<>();
            List<Object[]> missingRows = new ArrayList<>();
            for (int i = 0; i < updates.size(); i++) {
                if (updated[i] == 0) {
                    CapacityOrderRecord row = row(updates.get(i));
                    row.setVersion(1L);
                    missing.add(updates.get(i));
                    missingRows.add(values(row));
                }
            }
            if (!missing.isEmpty()) {
                insert(connection, missing, missingRows);
            }
        }
    }

    private void insert(Connection connection, List<CapacityOrder> orders, List<Object[]> rows) {
        try {
            Jdbc.batch(connection, insertSql, rows);
        } catch (DataAccessException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            int failed = orders.size() == 1 ? 0 : SqlErrors.failedBatchEntry(e);
            ConflictException conflict = failed < 0 || failed >= orders.size()
                    ? new ConflictException("order-exists", "an order id or idempotency key in this change is already stored")
                    : SqlErrors.violates(e, IDEMPOTENCY_CONSTRAINT) ? keyUsed(orders.get(failed))
                    : ConflictException.alreadyExists("order", orders.get(failed).id());
            conflict.initCause(e);
            throw conflict;
        }
    }

    private static ConflictException keyUsed(CapacityOrder order) {
        return new ConflictException("idempotency-key-exists", "tenant " + order.tenant()
                + " already used idempotency key '" + order.idempotencyKey().orElseThrow() + "'");
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

    /** The row's values in column order, as the insert binds them (jOOQ's intoArray goes through a record mapper). */
    private static Object[] values(CapacityOrderRecord row) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return values;
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
