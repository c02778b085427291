package io.fleetplan.domain.planning;

import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.SkuId;

import java.util.ArrayList;
import java.util.List;

/** Small baselines for hand-computed plans: one region, H20 servers of 8 GPUs, 10 kW, 100 USD each. */
final class Fixture {
    static final Quarter START = Quarter.parse("2025Q4");
    static final RegionId REGION = RegionId.of("cn-hangzhou");
    static final PoolId POOL = PoolId.of("cn-hangzhou", "H20");
    static final SkuId SKU = SkuId.of("hgx-h20-8");
    static final DataCenterId SITE = DataCenterId.of("hz-a");

    private Fixture() {
    }

    static Money usd(long amount) {
        return Money.of(String.valueOf(amount), "USD");
    }

    static Baseline.Stock h20(long inService, long inventory, Baseline.Delivery... pipeline) {
        return new Baseline.Stock(SKU, AcceleratorTypeId.of("H20"), 8, Power.ofKilowatts(10), usd(100), inService,
                inventory, List.of(pipeline));
    }

    static Baseline.Site site(long capacityKw, long inUseKw, long serversPerWeek, Baseline.Stock... stocks) {
        return new Baseline.Site(SITE, REGION, Power.ofKilowatts(capacityKw), Power.ofKilowatts(inUseKw), serversPerWeek,
                List.of(stocks));
    }

    static Baseline baseline(Baseline.Site site, long internal, long external, long capitalUsd) {
        return new Baseline(START, List.of(site), List.of(new Baseline.PoolLevel(POOL, internal, external)),
                Baseline.Capital.of(usd(capitalUsd), usd(0)));
    }

    static Scenario.Builder scenario(int horizon) {
        return Scenario.builder("test", START, horizon);
    }

    static Quarter q(int index) {
        return START.plus(index);
    }

    static List<Long> poolSeries(CapacityPlan plan, java.util.function.ToLongFunction<Figures> field) {
        List<Long> out = new ArrayList<>();
        for (QuarterPlan quarter : plan.quarters()) {
            out.add(field.applyAsLong(quarter.pool(POOL).orElseThrow()));
        }
        return out;
    }

    static List<BindingConstraint> poolBinding(CapacityPlan plan) {
        return plan.quarters().stream().map(q -> q.pool(POOL).orElseThrow().binding()).toList();
    }
}
