package io.fleetplan.domain.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetplan.domain.shared.DataCenterId;
import io.fleetplan.domain.shared.PoolId;
import io.fleetplan.domain.shared.Power;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

/**
 * Properties over seeded random baselines and scenarios (a few hundred each). A failure names the
 * seed; {@code new RandomPlans(seed)} rebuilds the case.
 */
class PlanPropertiesTest {
    private static final int CASES = 300;
    private static final long FIRST_SEED = 20_251_126L;
    private final CapacityPlanner planner = new CapacityPlanner();

    @Test
    void moreThroughputNeverRaisesAnyQuartersBacklog() {
        assertRelaxationNeverHurts((random, base) -> {
            int horizon = base.scenario.horizonQuarters();
            return base.scenario.toBuilder().throughput(Scenario.ThroughputChange.multiply(random.site(base.baseline),
                    random.quarter(horizon), BigDecimal.valueOf(random.between(100, 400), 2))).build();
        });
    }

    @Test
    void morePowerNeverRaisesAnyQuartersBacklog() {
        assertRelaxationNeverHurts((random, base) -> base.scenario.toBuilder()
                .power(new Scenario.PowerAddition(random.site(base.baseline),
                        random.quarter(base.scenario.horizonQuarters()), new Power(random.between(1L, 400_000L))))
                .build());
    }

    @Test
    void moreCapexNeverRaisesAnyQuartersBacklog() {
        assertRelaxationNeverHurts((random, base) -> base.scenario.toBuilder()
                .capex(Scenario.CapexChange.addition(random.quarter(base.scenario.horizonQuarters()),
                        RandomPlans.usd(random.between(1L, 20_000L))))
                .build());
    }

    @Test
    void extraCapexChangesNoCapacityWhilePowerBindsEveryQuarter() {
        int checked = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + CASES; seed++) {
            RandomPlans random = new RandomPlans(seed, true);
            Case base = Case.of(random);
            CapacityPlan plan = planner.project(base.baseline, base.scenario);
            boolean powerBindsThroughout = plan.quarters().stream()
                    .allMatch(q -> q.total().binding() == BindingConstraint.POWER);
            assertThat(powerBindsThroughout).as("seed %d: no power headroom anywhere, demand above capacity", seed)
                    .isTrue();
            Scenario richer = base.scenario.toBuilder()
                    .capex(Scenario.CapexChange.addition(base.scenario.start(), RandomPlans.usd(random.between(1L, 1_000_000L))))
                    .build();
            CapacityPlan richerPlan = planner.project(base.baseline, richer);
            for (int i = 0; i < plan.quarters().size(); i++) {
                QuarterPlan before = plan.quarters().get(i);
                QuarterPlan after = richerPlan.quarters().get(i);
                for (PoolId pool : before.pools().keySet()) {
                    Figures was = before.pools().get(pool);
                    Figures is = after.pools().get(pool);
                    assertThat(is.capacityGpus()).as("seed %d, %s, %s capacity", seed, before.quarter(), pool)
                            .isEqualTo(was.capacityGpus());
                    assertThat(is.backlogGpus()).as("seed %d, %s, %s backlog", seed, before.quarter(), pool)
                            .isEqualTo(was.backlogGpus());
                    assertThat(is.deployedServers()).as("seed %d, %s, %s deployed", seed, before.quarter(), pool)
                            .isEqualTo(was.deployedServers());
                }
            }
            checked++;
        }
        assertThat(checked).isEqualTo(CASES);
    }

    @Test
    void deploysNoMoreThanWasOnSite() {
        for (long seed = FIRST_SEED; seed < FIRST_SEED + CASES; seed++) {
            Case base = Case.of(new RandomPlans(seed));
            CapacityPlan plan = planner.project(base.baseline, base.scenario);
            Map<DataCenterId, Long> onSiteBefore = new HashMap<>();
            for (Baseline.Site site : base.baseline.dataCenters()) {
                onSiteBefore.put(site.id(), site.skus().stream().mapToLong(Baseline.Stock::inventory).sum());
            }
            for (QuarterPlan quarter : plan.quarters()) {
                for (Map.Entry<DataCenterId, Figures> entry : quarter.dataCenters().entrySet()) {
                    Figures f = entry.getValue();
                    long ready = onSiteBefore.get(entry.getKey()) + f.arrivingServers();
                    assertThat(f.deployedServers()).as("seed %d, %s at %s: deployed vs ready", seed, entry.getKey(),
                            quarter.quarter()).isLessThanOrEqualTo(ready);
                    assertThat(f.inventoryServers()).as("seed %d, %s at %s: inventory = ready - deployed", seed,
                            entry.getKey(), quarter.quarter()).isEqualTo(ready - f.deployedServers());
                    onSiteBefore.put(entry.getKey(), f.inventoryServers());
                }
            }
        }
    }

    @Test
    void sameInputGivesTheSamePlan() {
        for (long seed = FIRST_SEED; seed < FIRST_SEED + CASES; seed++) {
            Case first = Case.of(new RandomPlans(seed));
            Case again = Case.of(new RandomPlans(seed));
            assertThat(again.baseline).as("seed %d: the generator is seeded", seed).isEqualTo(first.baseline);
            assertThat(planner.project(again.baseline, again.scenario)).as("seed %d", seed)
                    .isEqualTo(planner.project(first.baseline, first.scenario));
        }
    }

    @Test
    void capexNeverExceedsTheMoneyAvailable() {
        for (long seed = FIRST_SEED; seed < FIRST_SEED + CASES; seed++) {
            Case base = Case.of(new RandomPlans(seed));
            Scenario noChanges = base.scenario.toBuilder().build();
            Scenario plain = new Scenario(noChanges.name(), noChanges.start(), noChanges.horizonQuarters(),
                    noChanges.growth(), noChanges.pools(), java.util.List.of(), noChanges.throughputChanges(),
                    noChanges.powerAdditions(), noChanges.leadTimeQuarters(), noChanges.usefulLifeYears());
            CapacityPlan plan = planner.project(base.baseline, plain);
            assertThat(plan.summary().capexUsed()).as("seed %d", seed)
                    .isLessThanOrEqualTo(base.baseline.capital().remaining());
        }
    }

    private void assertRelaxationNeverHurts(BiFunction<RandomPlans, Case, Scenario> relax) {
        int compared = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + CASES; seed++) {
            RandomPlans random = new RandomPlans(seed);
            Case base = Case.of(random);
            Scenario relaxed = relax.apply(random, base);
            CapacityPlan before = planner.project(base.baseline, base.scenario);
            CapacityPlan after = planner.project(base.baseline, relaxed);
            for (int i = 0; i < before.quarters().size(); i++) {
                QuarterPlan was = before.quarters().get(i);
                QuarterPlan is = after.quarters().get(i);
                assertThat(is.total().backlogGpus()).as("seed %d, %s: fleet backlog", seed, was.quarter())
                        .isLessThanOrEqualTo(was.total().backlogGpus());
                for (PoolId pool : was.pools().keySet()) {
                    assertThat(is.pools().get(pool).backlogGpus()).as("seed %d, %s, %s: pool backlog", seed,
                            was.quarter(), pool).isLessThanOrEqualTo(was.pools().get(pool).backlogGpus());
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(CASES);
    }

    /** A random baseline with a random scenario over it. */
    record Case(Baseline baseline, Scenario scenario) {
        static Case of(RandomPlans random) {
            int horizon = random.between(1, 12);
            Baseline baseline = random.baseline(horizon);
            return new Case(baseline, random.scenario(baseline, horizon));
        }
    }
}
