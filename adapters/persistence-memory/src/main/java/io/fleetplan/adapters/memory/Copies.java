package io.fleetplan.adapters.memory;

import io.fleetplan.domain.access.ApiToken;
import io.fleetplan.domain.capex.CapexCommitment;
import io.fleetplan.domain.fleet.AcceleratorType;
import io.fleetplan.domain.fleet.ServerBatch;
import io.fleetplan.domain.fleet.ServerSku;
import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.region.DataCenter;
import io.fleetplan.domain.region.Region;

import java.util.Map;

/** Fresh instances of stored aggregates at a given version, through each aggregate's reconstitute. */
final class Copies {
    private Copies() {
    }

    static Region region(Region r, long version) {
        return Region.reconstitute(r.id(), r.name(), version);
    }

    static DataCenter dataCenter(DataCenter d, long version) {
        return DataCenter.reconstitute(d.id(), d.region(), d.name(), d.powerCapacity(), d.throughputPerWeek(),
                d.powerInUse(), version);
    }

    static AcceleratorType acceleratorType(AcceleratorType a, long version) {
        return AcceleratorType.reconstitute(a.id(), a.vendor(), a.memoryGib(), version);
    }

    static ServerSku sku(ServerSku s, long version) {
        return ServerSku.reconstitute(s.id(), s.name(), s.accelerator(), s.acceleratorsPerServer(),
                s.powerPerServer(), s.unitCost(), version);
    }

    static ServerBatch batch(ServerBatch b, long version) {
        return ServerBatch.reconstitute(b.id(), b.sku(), b.dataCenter(), b.quantity(), b.expectedDelivery(),
                b.delivered(), b.installed(), b.activated(), b.retired(), version);
    }

    static GpuPool pool(GpuPool p, long version) {
        return GpuPool.reconstitute(p.id(), p.capacity(), array(p.allocatedByTier()), array(p.reservedByTier()),
                array(p.pendingByTier()), array(p.pendingGpusByTier()), p.policy(), p.submissions(), p.admissions(),
                version);
    }

    static CapacityOrder order(CapacityOrder o, long version) {
        return CapacityOrder.reconstitute(o.id(), o.pool(), o.tenant(), o.tier(), o.size(), o.submittedAt(),
                o.sequence(), o.idempotencyKey().orElse(null), o.status(), o.admittedAt().orElse(null), o.admission(),
                o.preemptions(), o.closedAt().orElse(null), version);
    }

    static CapexCommitment commitment(CapexCommitment c, long version) {
        return CapexCommitment.reconstitute(c.id(), c.name(), c.total(), c.start(), c.end(), c.tranches(),
                c.spends(), c.amendments(), version);
    }

    static ApiToken token(ApiToken t, long version) {
        return ApiToken.reconstitute(t.name(), t.role(), t.tenant().orElse(null), t.secretHash(), t.createdAt(),
                t.revokedAt().orElse(null), version);
    }

    private static long[] array(Map<WorkloadClass, Long> byTier) {
        long[] out = new long[WorkloadClass.values().length];
        byTier.forEach((tier, n) -> out[tier.rank()] = n);
        return out;
    }
}
