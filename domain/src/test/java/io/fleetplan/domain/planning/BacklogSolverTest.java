package io.fleetplan.domain.planning;

import static io.fleetplan.domain.planning.Fixture.baseline;
import static io.fleetplan.domain.planning.Fixture.h20;
import static io.fleetplan.domain.planning.Fixture.q;
import static io.fleetplan.domain.planning.Fixture.scenario;
import static io.fleetplan.domain.planning.Fixture.site;
import static io.fleetplan.domain.planning.Fixture.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.Money;
import io.fleetplan.domain.shared.Power;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The solver's answers, each checked by projecting the scenario it returns and one unit less. */
class BacklogSolverTest {
    private final CapacityPlanner planner = new CapacityPlanner();
    private final BacklogSolver solver = new BacklogSolver();

    @Test
    void findsTheCapexThatBuysTheMissingServers() {
        // 1000 USD buys 10 of the 20 servers 160 GPUs need: 10 more at 100 USD
        Baseline baseline = baseline(site(10_000, 0, 100, h20(0, 0)), 0, 160, 1000);
        Scenario scenario = scenario(2).build();

        SolverResult result = solver.leastExtraCapex(baseline, scenario, q(0));

        assertThat(result).isInstanceOfSatisfying(SolverResult.Cleared.class, cleared -> {
            assertThat(cleared.relaxation()).isEqualTo(new Relaxation.ExtraCapex(usd(1000)));
            assertThat(planner.project(baseline, cleared.scenario()).clearFrom(q(0))).isTrue();
            assertThat(cleared.plan()).isEqualTo(planner.project(baseline, cleared.scenario()));
            Scenario lessByACent = new Relaxation.ExtraCapex(Money.of("999.99", "USD")).applyTo(scenario, baseline);
            assertThat(planner.project(baseline, lessByACent).clearFrom(q(0))).isFalse();
        });
    }

    @Test
    void saysCapexCannotClearTheBacklogWhilePowerBinds() {
        // 20 kW of headroom powers 2 of the 20 servers needed, whatever money buys
        Baseline baseline = baseline(site(1000, 980, 100, h20(0, 0)), 0, 160, 0);

        SolverResult result = solver.leastExtraCapex(baseline, scenario(3).build(), q(1));

        assertThat(result).isInstanceOfSatisfying(SolverResult.NotClearable.class, notClearable -> {
            assertThat(notClearable.blockedBy()).isEqualTo(BindingConstraint.POWER);
            assertThat(notClearable.at()).isEqualTo(q(1));
            assertThat(notClearable.plan().clearFrom(q(1))).isFalse();
            assertThat(notClearable.tried()).isInstanceOf(Relaxation.ExtraCapex.class);
        });
    }

    @Test
    void findsTheThroughputMultiplierToAThousandth() {
        // 50 servers in the warehouse, 13 racked a quarter; clear in two quarters: 25 a quarter,
        // floor(13 x m) >= 25 needs m >= 1.92307..., so 1.924
        Baseline baseline = baseline(site(10_000, 0, 1, h20(0, 100)), 0, 400, 0);
        Scenario scenario = scenario(3).build();

        SolverResult result = solver.leastThroughputMultiplier(baseline, scenario, q(1));

        assertThat(result).isInstanceOfSatisfying(SolverResult.Cleared.class, cleared -> {
            assertThat(cleared.relaxation()).isEqualTo(new Relaxation.ThroughputMultiplier(new BigDecimal("1.924")));
            assertThat(planner.project(baseline, cleared.scenario()).clearFrom(q(1))).isTrue();
            Scenario less = new Relaxation.ThroughputMultiplier(new BigDecimal("1.923")).applyTo(scenario, baseline);
            assertThat(planner.project(baseline, less).clearFrom(q(1))).isFalse();
        });
    }

    @Test
    void findsTheExtraPowerToAKilowatt() {
        // no headroom, 20 servers of 10 kW waiting: 200 kW
        Baseline baseline = baseline(site(1000, 1000, 100, h20(0, 20)), 0, 160, 0);
        Scenario scenario = scenario(2).build();

        SolverResult result = solver.leastExtraPower(baseline, scenario, q(0));

        assertThat(result).isInstanceOfSatisfying(SolverResult.Cleared.class, cleared -> {
            assertThat(cleared.relaxation()).isEqualTo(new Relaxation.ExtraPower(Power.ofKilowatts(200)));
            assertThat(planner.project(baseline, cleared.scenario()).clearFrom(q(0))).isTrue();
            Scenario less = new Relaxation.ExtraPower(Power.ofKilowatts(199)).applyTo(scenario, baseline);
            assertThat(planner.project(baseline, less).clearFrom(q(0))).isFalse();
        });
    }

    @Test
    void saysThroughputCannotHelpWhenTheServersCannotBeBought() {
        Baseline baseline = baseline(site(10_000, 0, 1, h20(0, 0)), 0, 160, 500);

        SolverResult result = solver.leastThroughputMultiplier(baseline, scenario(2).build(), q(0));

        assertThat(result).isInstanceOfSatisfying(SolverResult.NotClearable.class,
                notClearable -> assertThat(notClearable.blockedBy()).isEqualTo(BindingConstraint.CAPITAL));
    }

    @Test
    void asksForNothingWhenTheScenarioAlreadyClears() {
        Baseline baseline = baseline(site(10_000, 0, 100, h20(20, 0)), 0, 160, 0);

        SolverResult result = solver.leastExtraCapex(baseline, scenario(2).build(), q(0));

        assertThat(result).isInstanceOfSatisfying(SolverResult.Cleared.class,
                cleared -> assertThat(cleared.relaxation()).isEqualTo(new Relaxation.ExtraCapex(usd(0))));
    }

    @Test
    void rejectsATargetQuarterOutsideTheHorizon() {
        Baseline baseline = baseline(site(10_000, 0, 100, h20(20, 0)), 0, 160, 0);

        assertThatThrownBy(() -> solver.leastExtraPower(baseline, scenario(2).build(), q(2)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("clearBy"));
    }

    @Test
    void randomAnswersClearTheBacklogAndOneUnitLessDoesNot() {
        int cleared = 0;
        for (long next = 7_000L; next < 7_060L; next++) {
            final long seed = next;
            RandomPlans random = new RandomPlans(seed);
            PlanPropertiesTest.Case base = PlanPropertiesTest.Case.of(random);
            Baseline baseline = base.baseline();
            Scenario scenario = base.scenario();
            var clearBy = random.quarter(scenario.horizonQuarters());
            for (SolverResult result : new SolverResult[] {solver.leastExtraCapex(baseline, scenario, clearBy),
                    solver.leastThroughputMultiplier(baseline, scenario, clearBy),
                    solver.leastExtraPower(baseline, scenario, clearBy)}) {
                if (result instanceof SolverResult.Cleared answer) {
                    cleared++;
                    assertThat(planner.project(baseline, answer.scenario()).clearFrom(clearBy))
                            .as("seed %d: %s clears", seed, answer.relaxation()).isTrue();
                    assertThat(answer.relaxation().applyTo(scenario, baseline)).as("seed %d", seed)
                            .isEqualTo(answer.scenario());
                    oneUnitLess(answer.relaxation()).ifPresent(less -> assertThat(
                            planner.project(baseline, less.applyTo(scenario, baseline)).clearFrom(clearBy))
                            .as("seed %d: %s does not clear", seed, less).isFalse());
                } else if (result instanceof SolverResult.NotClearable answer) {
                    assertThat(answer.plan().clearFrom(clearBy)).as("seed %d: %s", seed, answer.tried()).isFalse();
                    assertThat(answer.plan().at(answer.at()).total().backlogGpus()).as("seed %d", seed).isPositive();
                    assertThat(answer.blockedBy()).as("seed %d", seed).isNotEqualTo(BindingConstraint.NONE);
                }
            }
        }
        assertThat(cleared).as("some random cases are clearable").isPositive();
    }

    private static java.util.Optional<Relaxation> oneUnitLess(Relaxation relaxation) {
        if (relaxation instanceof Relaxation.ExtraCapex capex && capex.amount().isPositive()) {
            return java.util.Optional.of(new Relaxation.ExtraCapex(capex.amount().minus(Money.of("0.01", "USD"))));
        }
        if (relaxation instanceof Relaxation.ThroughputMultiplier multiplier && multiplier.factor().signum() > 0) {
            return java.util.Optional.of(new Relaxation.ThroughputMultiplier(
                    multiplier.factor().subtract(new BigDecimal("0.001"))));
        }
        if (relaxation instanceof Relaxation.ExtraPower power && !power.perDataCenter().isZero()) {
            return java.util.Optional.of(new Relaxation.ExtraPower(power.perDataCenter().minus(Power.ofKilowatts(1))));
        }
        return java.util.Optional.empty();
    }
}
