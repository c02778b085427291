package io.fleetplan.adapters.jooq;

import io.fleetplan.application.port.out.EventFilter;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.capex.CapexCommitment;
import io.fleetplan.domain.fleet.ServerBatch;
import io.fleetplan.domain.gpu.CapacityOrder;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.region.DataCenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything a store holds, written out field by field, so that two stores can be compared whole. */
final class Snapshot {
    private Snapshot() {
    }

    static List<String> of(Stores stores) {
        List<String> out = new ArrayList<>();
        stores.unitOfWork().readOnly(() -> {
            stores.regions().all().forEach(r -> out.add("region " + r.id() + " " + r.name() + " v" + r.version()));
            for (DataCenter d : stores.dataCenters().list(Optional.empty())) {
                out.add("dc " + d.id() + " " + d.region() + " " + d.powerCapacity() + " " + d.powerInUse() + " "
                        + d.throughputPerWeek() + " v" + d.version());
            }
            stores.acceleratorTypes().all().forEach(a -> out.add("type " + a.id() + " " + a.vendor() + " "
                    + a.memoryGib() + " v" + a.version()));
            stores.skus().all().forEach(s -> out.add("sku " + s.id() + " " + s.accelerator() + " "
                    + s.acceleratorsPerServer() + " " + s.powerPerServer() + " " + s.unitCost() + " v" + s.version()));
            for (ServerBatch b : stores.batches().list(Optional.empty())) {
                out.add("batch " + b.id() + " " + b.byStage() + " v" + b.version());
            }
            for (GpuPool p : stores.pools().all()) {
                out.add("pool " + p.id() + " cap " + p.capacity() + " alloc " + p.allocatedByTier() + " res "
                        + p.reservedByTier() + " pend " + p.pendingByTier() + " " + p.pendingGpusByTier() + " "
                        + p.policy() + " " + p.submissions() + "/" + p.admissions() + " v" + p.version());
            }
            for (CapacityOrder o : PoolAudit.orders(stores).values().stream()
                    .sorted(java.util.Comparator.comparing(CapacityOrder::id)).toList()) {
                out.add("order " + o.id() + " " + o.pool() + " " + o.tenant() + " " + o.tier() + " " + o.size() + " "
                        + o.submittedAt() + " #" + o.sequence() + " " + o.idempotencyKey() + " " + o.status() + " "
                        + o.admittedAt() + " a" + o.admission() + " p" + o.preemptions() + " " + o.closedAt() + " v"
                        + o.version());
            }
            for (CapexCommitment c : stores.commitments().all()) {
                out.add("commitment " + c.id() + " " + c.total() + " " + c.start() + "-" + c.end() + " "
                        + c.tranches() + " " + c.spends() + " " + c.amendments() + " v" + c.version());
            }
            stores.tokens().all().forEach(t -> out.add("token " + t.name() + " " + t.role() + " " + t.revokedAt()));
            stores.events().list(EventFilter.ALL, 0, Integer.MAX_VALUE).forEach(e -> out.add("event " + e));
            return null;
        });
        return out;
    }
}
