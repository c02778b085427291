package io.fleetplan.adapters.jooq;

import io.fleetplan.adapters.jooq.schema.tables.records.GpuPoolRecord;
import io.fleetplan.application.port.out.GpuPools;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.PoolPolicy;
import io.fleetplan.domain.gpu.QueueingMode;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.RegionId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

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
 * capacity and the order rows in step with the pool's figures.
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

    @Override
    public Optional<GpuPool> find(PoolId id) {
        return tx.dsl().selectFrom(GPU_POOL).where(key(id)).fetchOptional(DbGpuPools::pool);
    }

    @Override
    public Optional<GpuPool> lock(PoolId id) {
        return tx.dsl().resultQuery(lockSql, id.region().value(), id.accelerator().value()).coerce(GPU_POOL)
                .fetchOptional(DbGpuPools::pool);
    }

    @Override
    public long update(GpuPool pool) {
        GpuPoolRecord row = row(pool);
        Object[] values = new Object[FIGURES.size() + 4];
        int i = 0;
        for (Field<?> f : FIGURES) {
            values[i++] = row.get(f);
        }
        values[i++] = pool.version() + 1;
        values[i++] = pool.id().region().value();
        values[i++] = pool.id().accelerator().value();
        values[i] = pool.version();
        DSLContext dsl = tx.dsl();
        return rows.checked(dsl, dsl.execute(updateSql, values), key(pool.id()), pool.id(), pool.version());
    }

    @Override
    public List<GpuPool> all() {
        return tx.dsl().selectFrom(GPU_POOL).orderBy(GPU_POOL.REGION_ID, GPU_POOL.ACCELERATOR_TYPE_ID)
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
        return GpuPool.reconstitute(new PoolId(RegionId.of(r.getRegionId()), AcceleratorTypeId.of(r.getAcceleratorTypeId())),
                r.getCapacity(), tiers(r, ALLOCATED), tiers(r, RESERVED), tiers(r, PENDING), tiers(r, PENDING_GPUS),
                new PoolPolicy(QueueingMode.valueOf(r.getQueueing()), r.getPreemption()), r.getSubmissions(),
                r.getAdmissions(), r.getVersion());
    }

    private static long[] tiers(GpuPoolRecord r, List<Field<Long>> columns) {
        long[] out = new long[TIERS];
        for (int rank = 0; rank < TIERS; rank++) {
            out[rank] = r.get(columns.get(rank));
        }
        return out;
    }
}
