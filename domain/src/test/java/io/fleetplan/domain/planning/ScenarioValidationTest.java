package io.fleetplan.domain.planning;

import static io.fleetplan.domain.planning.Fixture.POOL;
import static io.fleetplan.domain.planning.Fixture.START;
import static io.fleetplan.domain.planning.Fixture.baseline;
import static io.fleetplan.domain.planning.Fixture.h20;
import static io.fleetplan.domain.planning.Fixture.scenario;
import static io.fleetplan.domain.planning.Fixture.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Power;

import java.math.BigDecimal;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ScenarioValidationTest {
    private final CapacityPlanner planner = new CapacityPlanner();
    private final Baseline baseline = baseline(site(1000, 0, 10, h20(10, 0)), 0, 100, 1000);

    private static void failsOn(String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).as(e.getMessage()).isEqualTo(field));
    }

    @Test
    void rejectsAHorizonOfNoQuarterOrBeyondFortyQuarters() {
        failsOn("horizonQuarters", () -> scenario(0).build());
        failsOn("horizonQuarters", () -> scenario(41).build());
        assertThat(scenario(40).build().end()).isEqualTo(START.plus(39));
        assertThat(scenario(1).build().quarters()).containsExactly(START);
    }

    @Test
    void rejectsANegativeLeadTime() {
        failsOn("leadTimeQuarters", () -> scenario(4).leadTime(-1).build());
        failsOn("leadTimeQuarters", () -> scenario(4).leadTime(41).build());
    }

    @Test
    void rejectsGrowthBelowMinusOneHundredPercent() {
        failsOn("yoyGrowth", () -> scenario(4).growth(new YoyGrowth(new BigDecimal("-1.5"))).build());
        failsOn("yoyGrowth", () -> Scenario.PoolDemand.growing(POOL, YoyGrowth.ofPercent(new BigDecimal("-101"))));
    }

    @Test
    void rejectsChangesForADataCentreTheBaselineDoesNotHave() {
        DataCenterId unknown = DataCenterId.of("nowhere-1");

        failsOn("throughputChanges", () -> planner.project(baseline, scenario(4)
                .throughput(Scenario.ThroughputChange.multiply(unknown, START, BigDecimal.TEN)).build()));
        failsOn("powerAdditions", () -> planner.project(baseline, scenario(4)
                .power(Scenario.PowerAddition.ofMegawatts(unknown, START, BigDecimal.ONE)).build()));
    }

    @Test
    void rejectsAScenarioThatDoesNotFitTheBaseline() {
        failsOn("start", () -> planner.project(baseline, Scenario.builder("past", START.previous(), 4).build()));
        failsOn("capexChanges", () -> planner.project(baseline, scenario(4)
                .capex(Scenario.CapexChange.addition(START, Money.of("10", "EUR"))).build()));
        failsOn("pools", () -> planner.project(baseline, scenario(4)
                .pool(Scenario.PoolDemand.growing(PoolId.of("cn-beijing", "H20"), YoyGrowth.NONE)).build()));
    }

    @Test
    void rejectsMalformedAssumptions() {
        failsOn("usefulLifeYears", () -> scenario(4).usefulLife(0).build());
        failsOn("series", () -> Scenario.DemandPath.Series.of());
        failsOn("series", () -> Scenario.DemandPath.Series.of(10, -1));
        failsOn("value", () -> Scenario.ThroughputChange.set(Fixture.SITE, START, -3));
        failsOn("value", () -> new Scenario.ThroughputChange(Fixture.SITE, START, Scenario.ThroughputChange.Kind.SET,
                new BigDecimal("2.5")));
        failsOn("amount", () -> Scenario.CapexChange.newTotal(START, Money.of("-1", "USD")));
        failsOn("pools", () -> scenario(4).pool(Scenario.PoolDemand.growing(POOL, YoyGrowth.NONE))
                .pool(Scenario.PoolDemand.growing(POOL, YoyGrowth.NONE)).build());
        failsOn("name", () -> Scenario.builder(" ", START, 4).build());
    }

    @Test
    void rejectsAnInconsistentBaseline() {
        Baseline.Site site = site(1000, 0, 10, h20(1, 0));
        failsOn("dataCenters", () -> new Baseline(START, List.of(site, site), List.of(),
                Baseline.Capital.of(Money.of("1", "USD"), Money.of("0", "USD"))));
        failsOn("unitCost", () -> new Baseline(START, List.of(site), List.of(),
                Baseline.Capital.of(Money.of("1", "EUR"), Money.of("0", "EUR"))));
        failsOn("spent", () -> Baseline.Capital.of(Money.of("1", "USD"), Money.of("2", "USD")));
        failsOn("powerCapacity", () -> site(0, 0, 10, h20(1, 0)));
        failsOn("acceleratorsPerServer", () -> new Baseline.Stock(Fixture.SKU,
                io.fleetplan.domain.shared.AcceleratorTypeId.of("H20"), 0, Power.ofKilowatts(1), Money.of("1", "USD"),
                0, 0, List.of()));
        failsOn("inventory", () -> h20(0, -1));
    }
}
