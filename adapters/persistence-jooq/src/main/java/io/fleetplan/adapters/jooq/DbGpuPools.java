package io.fleetplan.adapters.jooq;

import io.fleetplan.adapters.jooq.schema.tables.records.GpuPoolRecord;
import io.fleetplan.application.port.out.GpuPools;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.PoolPolicy;
import io.fleetplan.domain.gpu.QueueingMode;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.RegionId;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.fleetplan.adapters.jooq.schema.Tables.GPU_POOL;

/**
 * GPU pools, one row each with the per-tier figures as columns {@code <figure>_tier<rank>}.
 * {@link #lock} takes the pool's row lock (SELECT ... FOR UPDATE): every admission decision on a
 * pool is made while holding it, in whichever process or node, which keeps allocated within
 * capacity and the order rows in step with the pool's figures. The lock is taken once per
 * transaction and a held pool's changes are written once (see {@link Held}).
 */
final class DbGpuPools implements GpuPools {
    private static final int TIERS = WorkloadClass.values().length;
    private static final List<Field<Long>> ALLOCATED = tierColumns("allocated");
    private static final List<Field<Long>> RESERVED = tierColumns("reserved");
    private static final List<Field<Long>> PENDING = tierColumns("pending");
    private static final List<Field<Long>> PENDING_GPUS = tierColumns("pending_gpus");

    /** The columns an update writes, in the order of the update's bind values: all but the key and the version. */
    private static final List<Field<?>> FIGURES = Arrays.stream(GPU_POOL.fields())
            .filter(f -> !f.equals(GPU_POOL.REGION_ID) && !f.equals(GPU_POOL.ACCELERATOR_TYPE_ID)
                    && !f.equals(GPU_POOL.VERSION))
            .toList();

    private final Transactions tx;
    private final Versioned<GpuPoolRecord> rows = new Versioned<>("pool", GPU_POOL, GPU_POOL.VERSION);
    /** Every admission locks and updates its pool: both statements are rendered once. */
    private final String lockSql;
    private final String updateSql;

    DbGpuPools(Transactions tx) {
        this.tx = tx;
        this.lockSql = tx.render(DSL.selectFrom(GPU_POOL).where(GPU_POOL.REGION_ID.eq(DSL.param("region", String.class))
                .and(GPU_POOL.ACCELERATOR_TYPE_ID.eq(DSL.param("accelerator", String.class)))).forUpdate());
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        for (Field<?> f : FIGURES) {
            set.put(f, DSL.param(f.getName(), f.getDataType()));
        }
        set.put(GPU_POOL.VERSION, DSL.param("next", Long.class));
        this.updateSql = tx.render(DSL.update(GPU_POOL).set(set)
                .where(GPU_POOL.REGION_ID.eq(DSL.param("region", String.class)))
                .and(GPU_POOL.ACCELERATOR_TYPE_ID.eq(DSL.param("accelerator", String.class)))
                .and(GPU_POOL.VERSION.eq(DSL.param("expected", Long.class))));
    }

    /** The per-tier columns of one figure, indexed by {@link WorkloadClass#rank()}; a missing one is a schema bug. */
    @SuppressWarnings("unchecked")
    private static List<Field<Long>> tierColumns(String figure) {
        return WorkloadClass.highestFirst().stream().map(tier -> {
            Field<?> field = GPU_POOL.field(figure + "_tier" + tier.rank());
            if (field == null || field.getType() != Long.class) {
                throw new IllegalStateException("the schema has no BIGINT column " + figure + "_tier" + tier.rank()
                        + " for " + tier + ": add it in a migration");
            }
            return (Field<Long>) field;
        }).toList();
    }

    @Override
    public void add(GpuPool pool) {
        rows.insert(tx.dsl(), row(pool), key(pool.id()), pool.id());
    }

    /**
     * The pools this transaction holds (locked), as last changed in it. The row lock is taken once
     * per transaction; a change to a held pool is written once, before the next read of pools and
     * before the commit, whatever the number of changes (a group commit's submissions to one pool).
     * Holding the row lock, the write needs no version check.
     */
    private final class Held extends Tx.ByKey<PoolId, Locked> {
        Held(Tx owner) {
            super(owner);
        }

        /** Writes every pool changed since it was last written, in one batch. */
        @Override
        public void flush() {
            List<Map.Entry<PoolId, Locked>> changed = new ArrayList<>();
            List<Object[]> binds = new ArrayList<>();
            for (Map.Entry<PoolId, Locked> e : entries().entrySet()) {
                Locked locked = e.getValue();
                if (locked.version() != locked.stored()) {
                    changed.add(e);
                    binds.add(values(locked.row(), locked.version(), locked.stored()));
                }
            }
            if (changed.isEmpty()) {
                return;
            }
            Tx current = owner();
            int[] updated = Jdbc.batch(current.connection(), updateSql, binds);
            for (int i = 0; i < changed.size(); i++) {
                Map.Entry<PoolId, Locked> e = changed.get(i);
                Locked locked = e.getValue();
                rows.checked(current.dsl(), updated[i], key(e.getKey()), e.getKey(), locked.stored());
                e.setValue(new Locked(locked.row(), locked.version(), locked.version()));
            }
        }
    }

    /** A held pool's row as last changed, its version then, and the version the database has. */
    private record Locked(GpuPoolRecord row, long version, long stored) {
        GpuPool pool() {
            return DbGpuPools.pool(row, version);
        }
    }

    private Held held(Tx current) {
        return current.deferred(this, Held::new);
    }

    @Override
    public Optional<GpuPool> find(PoolId id) {
        Locked locked = held(tx.tx()).entries().get(id);
        if (locked != null) {
            return Optional.of(locked.pool());
        }
        return tx.dsl().selectFrom(GPU_POOL).where(key(id)).fetchOptional(DbGpuPools::pool);
    }

    @Override
    public Optional<GpuPool> lock(PoolId id) {
        Tx current = tx.tx();
        Held held = held(current);
        Locked locked = held.entries().get(id);
        if (locked == null) {
            Optional<GpuPoolRecord> row = Jdbc.row(current.connection(), lockSql, GPU_POOL, id.region().value(),
                    id.accelerator().value());
            if (row.isEmpty()) {
                return Optional.empty();
            }
            long version = row.get().getVersion();
            locked = new Locked(row.get(), version, version);
            held.entries().put(id, locked);
        }
        return Optional.of(locked.pool());
    }

    @Override
    public long update(GpuPool pool) {
        Held held = held(tx.tx());
        Locked locked = held.entries().get(pool.id());
        if (locked == null) {
            // Not held: written at once, if the row is still at the version it was read at.
            Tx current = tx.tx();
            return rows.checked(current.dsl(), Jdbc.update(current.connection(), updateSql,
                    values(row(pool), pool.version() + 1, pool.version())), key(pool.id()), pool.id(), pool.version());
        }
        if (pool.version() != locked.version()) {
            throw ConflictException.staleVersion("pool", pool.id(), pool.version(), locked.version());
        }
        long next = pool.version() + 1;
        held.entries().put(pool.id(), new Locked(row(pool), next, locked.stored()));
        return next;
    }

    /** The update's bind values: the figures, the next version, the key, the expected version. */
    private static Object[] values(GpuPoolRecord row, long next, long expected) {
        Object[] values = new Object[FIGURES.size() + 4];
        int i = 0;
        for (Field<?> f : FIGURES) {
            values[i++] = row.get(f);
        }
        values[i++] = next;
        values[i++] = row.getRegionId();
        values[i++] = row.getAcceleratorTypeId();
        values[i] = expected;
        return values;
    }

    @Override
    public List<GpuPool> all() {
        Tx current = tx.tx();
        held(current).flush();
        return current.dsl().selectFrom(GPU_POOL).orderBy(GPU_POOL.REGION_ID, GPU_POOL.ACCELERATOR_TYPE_ID)
                .fetch(DbGpuPools::pool);
    }

    static Condition key(PoolId id) {
        return GPU_POOL.REGION_ID.eq(id.region().value()).and(GPU_POOL.ACCELERATOR_TYPE_ID.eq(id.accelerator().value()));
    }

    private static GpuPoolRecord row(GpuPool pool) {
        GpuPoolRecord row = new GpuPoolRecord();
        row.setRegionId(pool.id().region().value());
        row.setAcceleratorTypeId(pool.id().accelerator().value());
        row.setCapacity(pool.capacity());
        for (WorkloadClass tier : WorkloadClass.highestFirst()) {
            row.set(ALLOCATED.get(tier.rank()), pool.allocated(tier));
            row.set(RESERVED.get(tier.rank()), pool.reserved(tier));
            row.set(PENDING.get(tier.rank()), pool.pending(tier));
            row.set(PENDING_GPUS.get(tier.rank()), pool.pendingGpus(tier));
        }
        row.setQueueing(pool.policy().queueing().name());
        row.setPreemption(pool.policy().preemption());
        row.setSubmissions(pool.submissions());
        row.setAdmissions(pool.admissions());
        return row;
    }

    private static GpuPool pool(GpuPoolRecord r) {
        return pool(r, r.getVersion());
    }

    private static GpuPool pool(GpuPoolRecord r, long version) {
        return GpuPool.reconstitute(new PoolId(RegionId.of(r.getRegionId()), AcceleratorTypeId.of(r.getAcceleratorTypeId())),
                r.getCapacity(), tiers(r, ALLOCATED), tiers(r, RESERVED), tiers(r, PENDING), tiers(r, PENDING_GPUS),
                new PoolPolicy(QueueingMode.valueOf(r.getQueueing()), r.getPreemption()), r.getSubmissions(),
                r.getAdmissions(), version);
    }

    private static long[] tiers(GpuPoolRecord r, List<Field<Long>> columns) {
        long[] out = new long[TIERS];
        for (int rank = 0; rank < TIERS; rank++) {
            out[rank] = r.get(columns.get(rank));
        }
        return out;
    }
}
