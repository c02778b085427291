package io.fleetplan.domain.planning;

import static io.fleetplan.domain.planning.BindingConstraint.DEPLOYMENT;
import static io.fleetplan.domain.planning.Fixture.POOL;
import static io.fleetplan.domain.planning.Fixture.START;
import static io.fleetplan.domain.planning.Fixture.baseline;
import static io.fleetplan.domain.planning.Fixture.h20;
import static io.fleetplan.domain.planning.Fixture.poolBinding;
import static io.fleetplan.domain.planning.Fixture.poolSeries;
import static io.fleetplan.domain.planning.Fixture.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Quarter;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed plans that start after the baseline's quarter: the baseline is carried forward
 * with what is already scheduled, and nothing else happens in the quarters between.
 */
class StartQuarterTest {
    private final CapacityPlanner planner = new CapacityPlanner();
    /** Four quarters after the live state's 2025Q4. */
    private static final Quarter LATER = START.plus(4);

    @Test
    void aLaterStartFindsTheDeliveriesDueByThenOnSiteAndDemandGrownSinceTheLiveState() {
        // 10 in service, 5 in the warehouse; 20 due in 2026Q1 and 8 in 2026Q3 (before the start),
        // 4 due in 2027Q1 (the plan's second quarter); 13 servers a quarter; no capital
        Baseline baseline = baseline(site(10_000, 0, 1, h20(10, 5, new Baseline.Delivery(START.plus(1), 20),
                new Baseline.Delivery(START.plus(3), 8), new Baseline.Delivery(LATER.plus(1), 4))), 0, 400, 0);
        // 100% a year from 400 GPUs in 2025Q4: 800 in 2026Q4, round(400 x 2^(5/4)) = 951 in 2027Q1
        Scenario scenario = Scenario.builder("later", LATER, 2).growth(YoyGrowth.of("1")).build();

        CapacityPlan plan = planner.project(baseline, scenario);

        assertThat(plan.start()).isEqualTo(LATER);
        assertThat(poolSeries(plan, Figures::demandGpus)).containsExactly(800L, 951L);
        // 28 overdue by the start arrive in its first quarter, on top of the 5 waiting
        assertThat(poolSeries(plan, Figures::arrivingServers)).containsExactly(28L, 4L);
        assertThat(poolSeries(plan, Figures::deployedServers)).containsExactly(13L, 13L);
        assertThat(poolSeries(plan, Figures::inventoryServers)).containsExactly(20L, 11L);
        // 23 then 36 servers of 8 GPUs
        assertThat(poolSeries(plan, Figures::capacityGpus)).containsExactly(184L, 288L);
        assertThat(poolSeries(plan, Figures::backlogGpus)).containsExactly(616L, 663L);
        assertThat(poolBinding(plan)).containsExactly(DEPLOYMENT, DEPLOYMENT);
    }

    @Test
    void aSeriesGivesDemandFromTheStartQuarterItself() {
        Baseline baseline = baseline(site(10_000, 0, 10, h20(100, 0)), 0, 400, 0);
        Scenario scenario = Scenario.builder("later", LATER, 3).pool(new Scenario.PoolDemand(POOL,
                Scenario.DemandPath.Series.of(0), Scenario.DemandPath.Series.of(500, 600))).build();

        CapacityPlan plan = planner.project(baseline, scenario);

        assertThat(poolSeries(plan, Figures::demandGpus)).containsExactly(500L, 600L, 600L);
    }

    @Test
    void aPlanCannotStartBeforeTheLiveState() {
        Baseline baseline = baseline(site(10_000, 0, 1, h20(10, 0)), 0, 80, 0);

        assertThatThrownBy(() -> planner.project(baseline, Scenario.builder("past", START.previous(), 4).build()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("start");
                    assertThat(e.getMessage()).contains("2025Q3", "2025Q4");
                });
    }

    @Test
    void startingAtTheLiveStateIsTheSamePlanAsBefore() {
        Baseline baseline = baseline(site(10_000, 0, 1, h20(10, 5, new Baseline.Delivery(START.plus(1), 20))), 0, 400,
                0);
        Scenario scenario = Scenario.builder("now", START, 3).growth(YoyGrowth.of("1")).build();

        CapacityPlan plan = planner.project(baseline, scenario);

        // 400, round(400 x 2^(1/4)) = 476, round(400 x 2^(1/2)) = 566
        assertThat(poolSeries(plan, Figures::demandGpus)).containsExactly(400L, 476L, 566L);
        assertThat(poolSeries(plan, Figures::arrivingServers)).containsExactly(0L, 20L, 0L);
    }
}
