package io.fleetplan.domain.planning;

import static io.fleetplan.domain.planning.Fixture.POOL;
import static io.fleetplan.domain.planning.Fixture.REGION;
import static io.fleetplan.domain.planning.Fixture.START;
import static io.fleetplan.domain.planning.Fixture.h20;
import static io.fleetplan.domain.planning.Fixture.poolSeries;
import static io.fleetplan.domain.planning.Fixture.q;
import static io.fleetplan.domain.planning.Fixture.scenario;
import static io.fleetplan.domain.planning.Fixture.site;
import static io.fleetplan.domain.planning.Fixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.SkuId;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How capital is released and who gets it first. Servers cost 100 USD; demand is 160 GPUs = 20 servers. */
class CapitalRulesTest {
    private final CapacityPlanner planner = new CapacityPlanner();

    private static Baseline withCapital(Baseline.Capital capital) {
        return new Baseline(START, List.of(site(10_000, 0, 100, h20(0, 0))),
                List.of(new Baseline.PoolLevel(POOL, 0, 160)), capital);
    }

    @Test
    void spendsNoFasterThanTheTranchesAreReleased() {
        Baseline baseline = withCapital(new Baseline.Capital(usd(5000), usd(0),
                List.of(new Baseline.Tranche(q(0), usd(300)), new Baseline.Tranche(q(1), usd(350)),
                        new Baseline.Tranche(q(2), usd(50)))));

        CapacityPlan plan = planner.project(baseline, scenario(3).build());

        // 300 buys 3; 350 buys 3 and leaves 50, which with the last 50 buys 1
        assertThat(poolSeries(plan, Figures::purchasedServers)).containsExactly(3L, 3L, 1L);
        assertThat(plan.summary().capexUsed()).isEqualTo(usd(700));
    }

    @Test
    void aRaisedCommitmentIsAvailableFromItsQuarterAndAdditionsComeOnTop() {
        Baseline baseline = withCapital(Baseline.Capital.of(usd(1000), usd(500)));
        Scenario scenario = scenario(3)
                .capex(Scenario.CapexChange.newTotal(q(1), usd(1800)))
                .capex(Scenario.CapexChange.addition(q(2), usd(300)))
                .build();

        CapacityPlan plan = planner.project(baseline, scenario);

        // 500 left buys 5; the new total of 1800 frees 800 more: 8; the addition 300: 3
        assertThat(poolSeries(plan, Figures::purchasedServers)).containsExactly(5L, 8L, 3L);
        assertThat(Fixture.poolBinding(plan)).containsExactly(BindingConstraint.CAPITAL, BindingConstraint.CAPITAL,
                BindingConstraint.CAPITAL);
    }

    @Test
    void fundsWishesFirstComeFirstServedAndAnUnfundedWishHoldsUpThoseBehindIt() {
        // three sites want 20 servers each in the same quarter, in lane order hz-a, hz-b, hz-c;
        // 2225 USD buys hz-a's 20 at 100 and 5 of hz-b's at 40, leaving 25: enough for one of
        // hz-c's 20 USD servers, but hz-b's unfunded wish is ahead of it
        DataCenterId b = DataCenterId.of("hz-b");
        DataCenterId c = DataCenterId.of("hz-c");
        Baseline baseline = new Baseline(START, List.of(site(10_000, 0, 100, h20(0, 0)), costing(b, 40), costing(c, 20)),
                List.of(new Baseline.PoolLevel(POOL, 0, 480)), Baseline.Capital.of(usd(2225), usd(0)));

        QuarterPlan first = planner.project(baseline, scenario(1).build()).at(q(0));

        assertThat(first.dataCenter(Fixture.SITE).orElseThrow().purchasedServers()).isEqualTo(20);
        assertThat(first.dataCenter(b).orElseThrow().purchasedServers()).isEqualTo(5);
        assertThat(first.dataCenter(c).orElseThrow().purchasedServers()).isZero();
        assertThat(first.total().capexSpent()).isEqualTo(usd(2200));
        assertThat(first.dataCenter(b).orElseThrow().binding()).isEqualTo(BindingConstraint.CAPITAL);
        assertThat(first.dataCenter(c).orElseThrow().binding()).isEqualTo(BindingConstraint.CAPITAL);
    }

    private static Baseline.Site costing(DataCenterId id, long unitCostUsd) {
        return new Baseline.Site(id, REGION, Power.ofKilowatts(10_000), Power.ZERO, 100,
                List.of(new Baseline.Stock(SkuId.of("h20-" + unitCostUsd), AcceleratorTypeId.of("H20"), 8,
                        Power.ofKilowatts(10), usd(unitCostUsd), 0, 0, List.of())));
    }
}
