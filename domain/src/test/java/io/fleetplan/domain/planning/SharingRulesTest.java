package io.fleetplan.domain.planning;

import static io.fleetplan.domain.planning.Fixture.POOL;
import static io.fleetplan.domain.planning.Fixture.REGION;
import static io.fleetplan.domain.planning.Fixture.START;
import static io.fleetplan.domain.planning.Fixture.h20;
import static io.fleetplan.domain.planning.Fixture.q;
import static io.fleetplan.domain.planning.Fixture.scenario;
import static io.fleetplan.domain.planning.Fixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.SkuId;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a pool's demand is placed on sites, and how a site shares itself between its SKUs. */
class SharingRulesTest {
    private static final PoolId PPU_POOL = new PoolId(REGION, AcceleratorTypeId.of("PPU"));
    private static final DataCenterId A = DataCenterId.of("hz-a");
    private static final DataCenterId B = DataCenterId.of("hz-b");
    private final CapacityPlanner planner = new CapacityPlanner();

    private static Baseline.Site site(DataCenterId id, long serversPerWeek, Baseline.Stock... stocks) {
        return new Baseline.Site(id, REGION, Power.ofKilowatts(10_000), Power.ZERO, serversPerWeek, List.of(stocks));
    }

    private static Baseline.Stock ppu(long inventory) {
        return new Baseline.Stock(SkuId.of("b-ppu"), AcceleratorTypeId.of("PPU"), 8, Power.ofKilowatts(10), usd(100), 0,
                inventory, List.of());
    }

    private static Baseline baseline(List<Baseline.Site> sites, Baseline.PoolLevel... demand) {
        return new Baseline(START, sites, List.of(demand), Baseline.Capital.of(usd(0), usd(0)));
    }

    @Test
    void placesAPoolsDemandOnSitesInProportionToTheirBaselineThroughput() {
        // 320 GPUs over weights 1 : 3 -> 80 and 240 GPUs, 10 and 30 servers
        Baseline baseline = baseline(List.of(site(A, 1, h20(0, 100)), site(B, 3, h20(0, 100))),
                new Baseline.PoolLevel(POOL, 20, 300));

        QuarterPlan first = planner.project(baseline, scenario(1).build()).at(q(0));

        assertThat(first.dataCenter(A).orElseThrow().demandGpus()).isEqualTo(80);
        assertThat(first.dataCenter(B).orElseThrow().demandGpus()).isEqualTo(240);
        assertThat(first.dataCenter(A).orElseThrow().demandInternalGpus()
                + first.dataCenter(B).orElseThrow().demandInternalGpus()).isEqualTo(20);
        assertThat(first.dataCenter(A).orElseThrow().capacityGpus()).isEqualTo(80);
        assertThat(first.dataCenter(B).orElseThrow().capacityGpus()).isEqualTo(240);
        assertThat(first.pool(POOL).orElseThrow().backlogGpus()).isZero();
    }

    @Test
    void sharesASitesThroughputEvenlyAndFixedBetweenItsSkus() {
        // 2 servers a week = 26 a quarter, 13 for each SKU; the H20 lane needs only 5, and the 8
        // it leaves are not passed to the PPU lane
        Baseline baseline = baseline(List.of(site(A, 2, h20(0, 50), ppu(50))),
                new Baseline.PoolLevel(POOL, 0, 40), new Baseline.PoolLevel(PPU_POOL, 0, 400));

        QuarterPlan first = planner.project(baseline, scenario(1).build()).at(q(0));

        assertThat(first.pool(POOL).orElseThrow().deployedServers()).isEqualTo(5);
        assertThat(first.pool(PPU_POOL).orElseThrow().deployedServers()).isEqualTo(13);
        assertThat(first.pool(PPU_POOL).orElseThrow().binding()).isEqualTo(BindingConstraint.DEPLOYMENT);
        assertThat(first.dataCenter(A).orElseThrow().deployedServers()).isEqualTo(18);
    }

    @Test
    void aPoolNoSiteHostsWaitsForSupply() {
        Baseline baseline = baseline(List.of(site(A, 2, h20(10, 0))), new Baseline.PoolLevel(POOL, 0, 80),
                new Baseline.PoolLevel(PPU_POOL, 16, 0));

        CapacityPlan plan = planner.project(baseline, scenario(2).build());

        Figures ppu = plan.at(q(1)).pool(PPU_POOL).orElseThrow();
        assertThat(ppu.backlogGpus()).isEqualTo(16);
        assertThat(ppu.binding()).isEqualTo(BindingConstraint.SUPPLY);
        assertThat(plan.at(q(1)).total().binding()).isEqualTo(BindingConstraint.SUPPLY);
    }

    @Test
    void aSiteWithoutServersReportsItsPowerAndPlansNothing() {
        Baseline baseline = baseline(List.of(site(A, 2, h20(10, 0)), site(B, 5)), new Baseline.PoolLevel(POOL, 0, 80));

        QuarterPlan first = planner.project(baseline, scenario(1).build()).at(q(0));

        Figures empty = first.dataCenter(B).orElseThrow();
        assertThat(empty.capacityGpus()).isZero();
        assertThat(empty.powerHeadroom()).isEqualTo(Power.ofKilowatts(10_000));
        assertThat(empty.binding()).isEqualTo(BindingConstraint.NONE);
        assertThat(first.region(REGION).orElseThrow().powerHeadroom()).isEqualTo(Power.ofKilowatts(20_000));
    }
}
