package io.fleetplan.application.service.planning;

import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.capex.CapexCommitment;
import io.fleetplan.domain.fleet.ServerBatch;
import io.fleetplan.domain.fleet.ServerSku;
import io.fleetplan.domain.gpu.GpuPool;
import io.fleetplan.domain.gpu.WorkloadClass;
import io.fleetplan.domain.planning.Baseline;
import io.fleetplan.domain.region.DataCenter;
import io.fleetplan.domain.shared.CommitmentId;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.NotFoundException;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.SkuId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The live state as a plan's starting point: every data centre with the servers of each SKU in
 * service, delivered and waiting, and still on order (by expected quarter); each pool's demand
 * (allocated plus backlog, internal tiers apart from leasing); and the commitment's money left,
 * with its tranche schedule.
 */
final class Baselines {
    private Baselines() {
    }

    static Baseline current(Stores stores, Quarter start, String commitment) {
        return stores.unitOfWork().readOnly(() -> {
            Map<SkuId, ServerSku> skus = stores.skus().all().stream()
                    .collect(Collectors.toMap(ServerSku::id, Function.identity()));
            List<Baseline.Site> sites = new ArrayList<>();
            for (DataCenter dc : stores.dataCenters().list(Optional.empty())) {
                Map<SkuId, List<ServerBatch>> bySku = new TreeMap<>();
                for (ServerBatch b : stores.batches().list(Optional.of(dc.id()))) {
                    bySku.computeIfAbsent(b.sku(), k -> new ArrayList<>()).add(b);
                }
                List<Baseline.Stock> stock = new ArrayList<>();
                bySku.forEach((skuId, batches) -> {
                    ServerSku sku = skus.get(skuId);
                    long inService = batches.stream().mapToLong(ServerBatch::inService).sum();
                    long inventory = batches.stream().mapToLong(ServerBatch::undeployed).sum();
                    Map<Quarter, Long> due = new TreeMap<>();
                    for (ServerBatch b : batches) {
                        long onOrder = b.quantity() - b.delivered();
                        if (onOrder > 0) {
                            Quarter when = b.expectedDelivery().isBefore(start) ? start : b.expectedDelivery();
                            due.merge(when, onOrder, Long::sum);
                        }
                    }
                    List<Baseline.Delivery> pipeline = due.entrySet().stream()
                            .map(e -> new Baseline.Delivery(e.getKey(), e.getValue())).toList();
                    stock.add(new Baseline.Stock(skuId, sku.accelerator(), sku.acceleratorsPerServer(),
                            sku.powerPerServer(), sku.unitCost(), inService, inventory, pipeline));
                });
                sites.add(new Baseline.Site(dc.id(), dc.region(), dc.powerCapacity(), dc.powerInUse(),
                        dc.throughputPerWeek(), stock));
            }
            List<Baseline.PoolLevel> demand = new ArrayList<>();
            for (GpuPool pool : stores.pools().all()) {
                long internal = 0;
                long external = 0;
                for (WorkloadClass tier : WorkloadClass.highestFirst()) {
                    long level = pool.allocated(tier) + pool.pendingGpus(tier);
                    if (tier.isInternal()) {
                        internal += level;
                    } else {
                        external += level;
                    }
                }
                demand.add(new Baseline.PoolLevel(pool.id(), internal, external));
            }
            return new Baseline(start, sites, demand, capital(stores, start, commitment, skus));
        });
    }

    private static Baseline.Capital capital(Stores stores, Quarter start, String commitment,
                                            Map<SkuId, ServerSku> skus) {
        Optional<CapexCommitment> chosen = commitment == null
                ? stores.commitments().all().stream().findFirst()
                : Optional.of(stores.commitments().find(CommitmentId.of(commitment))
                        .orElseThrow(() -> new NotFoundException("commitment", commitment)));
        if (chosen.isEmpty()) {
            Money none = Money.zero(skus.values().stream().findFirst().map(s -> s.unitCost().currency())
                    .orElse(Money.currency("USD")));
            return Baseline.Capital.of(none, none);
        }
        CapexCommitment c = chosen.get();
        List<Baseline.Tranche> tranches = new ArrayList<>();
        Map<Quarter, Money> planned = new TreeMap<>();
        c.tranches().forEach(t -> planned.merge(t.quarter(), t.amount(), Money::plus));
        // Every tranche, past ones too: what may be spent by a quarter is what was released up to it
        // less what was spent, and the spend so far was paid out of the past tranches.
        planned.forEach((q, amount) -> tranches.add(new Baseline.Tranche(q, amount)));
        return new Baseline.Capital(c.total(), c.spent(), tranches);
    }
}
