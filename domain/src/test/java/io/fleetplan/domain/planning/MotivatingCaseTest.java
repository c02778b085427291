package io.fleetplan.domain.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetplan.domain.shared.AcceleratorTypeId;
import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Power;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RegionId;
import io.fleetplan.domain.shared.SkuId;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * "The real constraint isn't capital, but the physical capacity to build and deploy compute":
 * 16.8 of 52 billion USD deployed, demand growing 34% a year, sites running out of power.
 * The plan shows which constraint binds, and what relaxing each one buys.
 */
class MotivatingCaseTest {
    private static final Quarter START = Quarter.parse("2025Q4");
    private static final RegionId HANGZHOU = RegionId.of("cn-hangzhou");
    private static final PoolId POOL = new PoolId(HANGZHOU, AcceleratorTypeId.of("H20"));
    private final CapacityPlanner planner = new CapacityPlanner();
    private final BacklogSolver solver = new BacklogSolver();

    private static Baseline.Site site(String id, long capacityMw, long inUseMw) {
        // 8-GPU servers of 10 kW at 250,000 USD; 2,000 racked a week
        Baseline.Stock servers = new Baseline.Stock(SkuId.of("hgx-h20-8"), AcceleratorTypeId.of("H20"), 8,
                Power.ofKilowatts(10), Money.of("250000", "USD"), inUseMw * 100, 5_000, List.of());
        return new Baseline.Site(DataCenterId.of(id), HANGZHOU, Power.ofKilowatts(capacityMw * 1000),
                Power.ofKilowatts(inUseMw * 1000), 2_000, List.of(servers));
    }

    private final Baseline baseline = new Baseline(START, List.of(site("hz-a", 300, 280), site("hz-b", 300, 290)),
            List.of(new Baseline.PoolLevel(POOL, 200_000, 400_000)),
            Baseline.Capital.of(Money.of("52000000000", "USD"), Money.of("16800000000", "USD")));
    private final Scenario planOfRecord = Scenario.builder("plan of record", START, 12)
            .growth(GrowthPreset.ALIBABA_CLOUD).leadTime(1).build();

    @Test
    void powerNotCapitalHoldsTheBacklogBack() {
        CapacityPlan plan = planner.project(baseline, planOfRecord);

        assertThat(plan.summary().firstClearQuarter()).isEmpty();
        assertThat(plan.summary().quartersBoundBy(BindingConstraint.POWER)).isEqualTo(12);
        assertThat(plan.summary().peakInventoryServers()).as("chips in a warehouse with no power").isPositive();
        assertThat(plan.at(START.plus(11)).pool(POOL).orElseThrow().leasableGpus()).isPositive();
    }

    @Test
    void moreCapitalBuysNothingButMorePowerClearsTheBacklog() {
        Quarter target = START.plus(8);

        SolverResult capex = solver.leastExtraCapex(baseline, planOfRecord, target);
        SolverResult power = solver.leastExtraPower(baseline, planOfRecord, target);

        assertThat(capex).isInstanceOfSatisfying(SolverResult.NotClearable.class,
                answer -> assertThat(answer.blockedBy()).isEqualTo(BindingConstraint.POWER));
        assertThat(power).isInstanceOfSatisfying(SolverResult.Cleared.class, answer -> {
            assertThat(answer.plan().clearFrom(target)).isTrue();
            assertThat(((Relaxation.ExtraPower) answer.relaxation()).perDataCenter())
                    .isGreaterThan(Power.ofKilowatts(1000));
            ScenarioComparison comparison = ScenarioComparison.of(planner.project(baseline, planOfRecord),
                    List.of(answer.plan()));
            assertThat(comparison.rows().get(1).backlogDelta().get(8)).isNegative();
        });
    }
}
