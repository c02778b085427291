package io.fleetplan.domain.planning;

import static io.fleetplan.domain.planning.BindingConstraint.CAPITAL;
import static io.fleetplan.domain.planning.BindingConstraint.DEPLOYMENT;
import static io.fleetplan.domain.planning.BindingConstraint.NONE;
import static io.fleetplan.domain.planning.BindingConstraint.POWER;
import static io.fleetplan.domain.planning.BindingConstraint.SUPPLY;
import static io.fleetplan.domain.planning.Fixture.POOL;
import static io.fleetplan.domain.planning.Fixture.SITE;
import static io.fleetplan.domain.planning.Fixture.baseline;
import static io.fleetplan.domain.planning.Fixture.h20;
import static io.fleetplan.domain.planning.Fixture.poolBinding;
import static io.fleetplan.domain.planning.Fixture.poolSeries;
import static io.fleetplan.domain.planning.Fixture.q;
import static io.fleetplan.domain.planning.Fixture.scenario;
import static io.fleetplan.domain.planning.Fixture.site;
import static io.fleetplan.domain.planning.Fixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetplan.domain.shared.Power;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed plans on one site, one SKU (8 GPUs, 10 kW, 100 USD a server), one pool. Each
 * case isolates one term of {@code deployed = min(ready, throughput, power, still needed)}.
 */
class CapacityPlannerTest {
    private final CapacityPlanner planner = new CapacityPlanner();

    @Test
    void powerBindsWhenTheSiteHasHardwareButNoHeadroom() {
        // 20 kW free = 2 servers; 10 in service, 10 in the warehouse; demand 200 GPUs = 25 servers
        Baseline baseline = baseline(site(1000, 980, 10, h20(10, 10)), 0, 200, 0);

        CapacityPlan plan = planner.project(baseline, scenario(3).build());

        assertThat(poolSeries(plan, Figures::deployedServers)).containsExactly(2L, 0L, 0L);
        assertThat(poolSeries(plan, Figures::capacityGpus)).containsExactly(96L, 96L, 96L);
        assertThat(poolSeries(plan, Figures::backlogGpus)).containsExactly(104L, 104L, 104L);
        assertThat(poolSeries(plan, Figures::inventoryServers)).containsExactly(8L, 8L, 8L);
        assertThat(poolBinding(plan)).containsExactly(POWER, POWER, POWER);
        assertThat(plan.at(q(0)).dataCenter(SITE).orElseThrow().powerHeadroom()).isEqualTo(Power.ZERO);
        assertThat(plan.summary().quartersBoundBy(POWER)).isEqualTo(3);
        assertThat(plan.summary().firstClearQuarter()).isEmpty();
    }

    @Test
    void deploymentBindsWhenCrewsRackThirteenServersAQuarter() {
        // 1 server a week = 13 a quarter; 100 in the warehouse; demand 400 GPUs = 50 servers
        Baseline baseline = baseline(site(10_000, 0, 1, h20(0, 100)), 0, 400, 0);

        CapacityPlan plan = planner.project(baseline, scenario(5).build());

        assertThat(poolSeries(plan, Figures::deployedServers)).containsExactly(13L, 13L, 13L, 11L, 0L);
        assertThat(poolSeries(plan, Figures::backlogGpus)).containsExactly(296L, 192L, 88L, 0L, 0L);
        assertThat(poolBinding(plan)).containsExactly(DEPLOYMENT, DEPLOYMENT, DEPLOYMENT, NONE, NONE);
        assertThat(plan.summary().firstClearQuarter()).contains(q(3));
        assertThat(plan.summary().peakBacklogGpus()).isEqualTo(296);
        assertThat(plan.summary().peakBacklogQuarter()).contains(q(0));
    }

    @Test
    void supplyBindsWhileOrderedServersAreStillOnTheirWay() {
        // 20 servers due next quarter cover the demand of 160 GPUs: nothing to buy, nothing on site yet
        Baseline baseline = baseline(site(10_000, 0, 100, h20(0, 0, new Baseline.Delivery(q(1), 20))), 0, 160,
                1_000_000);

        CapacityPlan plan = planner.project(baseline, scenario(3).leadTime(1).build());

        assertThat(poolSeries(plan, Figures::purchasedServers)).containsExactly(0L, 0L, 0L);
        assertThat(poolSeries(plan, Figures::arrivingServers)).containsExactly(0L, 20L, 0L);
        assertThat(poolSeries(plan, Figures::capacityGpus)).containsExactly(0L, 160L, 160L);
        assertThat(poolBinding(plan)).containsExactly(SUPPLY, NONE, NONE);
    }

    @Test
    void capitalBindsWhenTheMoneyBuysOnlyHalfTheServers() {
        // 1000 USD buys 10 servers of the 20 that demand of 160 GPUs needs
        Baseline baseline = baseline(site(10_000, 0, 100, h20(0, 0)), 0, 160, 1000);

        CapacityPlan plan = planner.project(baseline, scenario(2).build());

        assertThat(poolSeries(plan, Figures::purchasedServers)).containsExactly(10L, 0L);
        assertThat(poolSeries(plan, Figures::capacityGpus)).containsExactly(80L, 80L);
        assertThat(poolSeries(plan, Figures::backlogGpus)).containsExactly(80L, 80L);
        assertThat(poolBinding(plan)).containsExactly(CAPITAL, CAPITAL);
        assertThat(plan.at(q(0)).total().capexSpent()).isEqualTo(usd(1000));
        assertThat(plan.summary().capexUsed()).isEqualTo(usd(1000));
    }

    @Test
    void nothingBindsWhenDemandIsMet() {
        Baseline baseline = baseline(site(10_000, 0, 100, h20(10, 10)), 50, 100, 0);

        CapacityPlan plan = planner.project(baseline, scenario(2).build());

        // 150 GPUs need 19 servers: 9 of the 10 in the warehouse are racked, one stays
        assertThat(poolSeries(plan, Figures::capacityGpus)).containsExactly(152L, 152L);
        assertThat(poolSeries(plan, Figures::inventoryServers)).containsExactly(1L, 1L);
        assertThat(poolSeries(plan, Figures::backlogGpus)).containsExactly(0L, 0L);
        assertThat(poolSeries(plan, Figures::leasableGpus)).containsExactly(102L, 102L);
        assertThat(poolBinding(plan)).containsExactly(NONE, NONE);
        assertThat(plan.summary().firstClearQuarter()).contains(q(0));
        assertThat(plan.summary().peakBacklogQuarter()).isEmpty();
        assertThat(plan.summary().quartersBoundBy(NONE)).isEqualTo(2);
    }

    @Test
    void serversBoughtNowArriveALeadTimeLater() {
        // demand of 80 GPUs = 10 servers, none on site, two quarters from order to delivery
        Baseline baseline = baseline(site(10_000, 0, 100, h20(0, 0)), 0, 80, 1_000_000);

        CapacityPlan plan = planner.project(baseline, scenario(4).leadTime(2).build());

        assertThat(poolSeries(plan, Figures::purchasedServers)).containsExactly(10L, 0L, 0L, 0L);
        assertThat(poolSeries(plan, Figures::arrivingServers)).containsExactly(0L, 0L, 10L, 0L);
        assertThat(poolSeries(plan, Figures::capacityGpus)).containsExactly(0L, 0L, 80L, 80L);
        assertThat(poolBinding(plan)).containsExactly(SUPPLY, SUPPLY, NONE, NONE);
        assertThat(plan.summary().firstClearQuarter()).contains(q(2));
    }

    @Test
    void undeployedInventoryCarriesOverToTheNextQuarter() {
        // 30 servers in the warehouse, 13 racked a quarter, demand 240 GPUs = 30 servers
        Baseline baseline = baseline(site(10_000, 0, 1, h20(0, 30)), 0, 240, 0);

        CapacityPlan plan = planner.project(baseline, scenario(4).build());

        assertThat(poolSeries(plan, Figures::inventoryServers)).containsExactly(17L, 4L, 0L, 0L);
        assertThat(poolSeries(plan, Figures::deployedServers)).containsExactly(13L, 13L, 4L, 0L);
        assertThat(plan.summary().peakInventoryServers()).isEqualTo(17);
        assertThat(plan.summary().peakInventoryQuarter()).contains(q(0));
    }

    @Test
    void depreciatesServerCapexStraightLineOverItsUsefulLife() {
        // one server bought in each of the first two quarters, one year of useful life = 4 quarters
        Baseline baseline = baseline(site(10_000, 0, 100, h20(0, 0)), 0, 0, 1_000_000);
        Scenario scenario = scenario(6).usefulLife(1)
                .pool(new Scenario.PoolDemand(POOL, Scenario.DemandPath.Series.of(0), Scenario.DemandPath.Series.of(8, 16)))
                .build();

        CapacityPlan plan = planner.project(baseline, scenario);

        assertThat(plan.quarters().stream().map(q -> q.total().capexSpent()).toList())
                .containsExactly(usd(100), usd(100), usd(0), usd(0), usd(0), usd(0));
        assertThat(plan.quarters().stream().map(q -> q.total().depreciation()).toList())
                .containsExactly(usd(25), usd(50), usd(50), usd(50), usd(25), usd(0));
    }

    @Test
    void leasingGetsWhatInternalDemandLeaves() {
        // 10 servers = 80 GPUs; internal tiers want 100: nothing left to lease, backlog counts both
        Baseline baseline = baseline(site(10_000, 0, 0, h20(10, 0)), 100, 40, 0);

        CapacityPlan plan = planner.project(baseline, scenario(1).build());

        Figures pool = plan.at(q(0)).pool(POOL).orElseThrow();
        assertThat(pool.leasableGpus()).isZero();
        assertThat(pool.backlogGpus()).isEqualTo(60);
        assertThat(pool.binding()).isEqualTo(DEPLOYMENT);
    }

    @Test
    void demandGrowsFromTheCurrentLevelAtTheQuarterlyRate() {
        Baseline baseline = baseline(site(10_000, 0, 0, h20(0, 0)), 1000, 0, 0);

        CapacityPlan plan = planner.project(baseline, scenario(5).growth(GrowthPreset.ALIBABA_CLOUD).build());

        // 1000 x 1.34^(k/4), half-up: 1000, 1076, 1158, 1245, 1340
        assertThat(poolSeries(plan, Figures::demandInternalGpus)).containsExactly(1000L, 1076L, 1158L, 1245L, 1340L);
    }

    @Test
    void sameInputGivesAnEqualPlan() {
        Baseline baseline = baseline(site(1000, 500, 2, h20(10, 10, new Baseline.Delivery(q(2), 5))), 30, 300, 5000);
        Scenario scenario = scenario(8).growth(YoyGrowth.of("0.34")).leadTime(1).build();

        assertThat(planner.project(baseline, scenario)).isEqualTo(planner.project(baseline, scenario));
        assertThat(planner.project(baseline, scenario).quarters()).hasSize(8);
        assertThat(Optional.of(planner.project(baseline, scenario).end())).contains(q(7));
        assertThat(List.of(planner.project(baseline, scenario).start())).containsExactly(q(0));
    }
}
