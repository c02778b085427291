package io.fleetplan.application.contract;

import io.fleetplan.application.port.in.InvalidCommandException;
import io.fleetplan.application.port.in.capex.CreateCommitment;
import io.fleetplan.application.port.in.capex.RecordSpend;
import io.fleetplan.application.port.in.planning.ComparisonView;
import io.fleetplan.application.port.in.planning.PlanCsv;
import io.fleetplan.application.port.in.planning.PlanSummaryView;
import io.fleetplan.application.port.in.planning.PlanView;
import io.fleetplan.application.port.in.planning.RunPlans;
import io.fleetplan.application.port.in.planning.ScenarioDefinition;
import io.fleetplan.application.port.in.planning.ScenarioView;
import io.fleetplan.application.port.in.planning.SolverView;
import io.fleetplan.application.port.in.region.ChangeDataCenter;
import io.fleetplan.application.port.out.StoredScenario;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.NotFoundException;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RuleViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Planning over a store: scenarios saved, replaced and named plan of record; plans projected from
 * the live state; comparisons; the solver's answers re-checked by projecting them; CSV.
 */
public abstract class PlanningContract {
    private Fleet fleet;

    protected abstract Stores newStores();

    @BeforeEach
    void buildFleet() {
        fleet = new Fleet(newStores()).standard();
        fleet.services().regions().change(Fleet.OPERATOR, new ChangeDataCenter.Command(Fleet.DATA_CENTER,
                new BigDecimal("2000"), 10, null, "a small site: power binds"));
        fleet.activate(fleet.installedBatch(100), 100);
        for (int i = 0; i < 4; i++) {
            fleet.services().orders().submit(Fleet.OPERATOR, fleet.order("acme", "EXTERNAL_LEASE", 400, null));
        }
        fleet.services().capex().create(Fleet.OPERATOR, new CreateCommitment.Command("capex-1", "Programme",
                new BigDecimal("52000000000"), "USD", "2025Q4", "2028Q3"));
        fleet.services().capex().recordSpend(Fleet.OPERATOR, new RecordSpend.Command("capex-1", "2025Q4",
                new BigDecimal("16800000000"), "SERVERS", null, null));
    }

    private static ScenarioDefinition scenario(String name, List<ScenarioDefinition.PowerAdditionDefinition> power,
                                               List<ScenarioDefinition.CapexChangeDefinition> capex) {
        return new ScenarioDefinition(name, 8, new BigDecimal("0.34"), null, null, List.of(), capex, List.of(), power,
                1, null);
    }

    @Test
    void savesAScenarioAndTheFirstBecomesThePlanOfRecord() {
        ScenarioView saved = fleet.services().planning().save(Fleet.OPERATOR, scenario("baseline", List.of(), List.of()),
                null);
        assertThat(saved.planOfRecord()).isTrue();
        assertThat(saved.version()).isEqualTo(1);
        ScenarioDefinition raise = scenario("raise capex", List.of(), List.of(
                new ScenarioDefinition.CapexChangeDefinition("2027Q1", "NEW_TOTAL", new BigDecimal("70000000000"))));
        ScenarioView second = fleet.services().planning().save(Fleet.OPERATOR, raise, null);
        assertThat(second.planOfRecord()).isFalse();
        assertThat(fleet.services().planning().scenario("raise capex").definition()).isEqualTo(raise);
        assertThatThrownBy(() -> fleet.services().planning().save(Fleet.OPERATOR, raise, 7L))
                .isInstanceOf(ConflictException.class);
        ScenarioView replaced = fleet.services().planning().save(Fleet.OPERATOR, raise, 1L);
        assertThat(replaced.version()).isEqualTo(2);
        fleet.services().planning().setPlanOfRecord(Fleet.OPERATOR, "raise capex");
        assertThat(fleet.services().planning().scenarios()).extracting(ScenarioView::name, ScenarioView::planOfRecord)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("baseline", false),
                        org.assertj.core.groups.Tuple.tuple("raise capex", true));
        assertThatThrownBy(() -> fleet.services().planning().delete(Fleet.OPERATOR, "raise capex"))
                .isInstanceOf(RuleViolationException.class);
        fleet.services().planning().delete(Fleet.OPERATOR, "baseline");
        assertThatThrownBy(() -> fleet.services().planning().scenario("baseline")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesAScenarioTheLiveStateCannotRun() {
        assertThatThrownBy(() -> fleet.services().planning().save(Fleet.OPERATOR, scenario("x", List.of(
                new ScenarioDefinition.PowerAdditionDefinition("nowhere", "2027Q1", BigDecimal.ONE)), List.of()), null))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> fleet.services().planning().save(Fleet.OPERATOR, new ScenarioDefinition("", 0,
                null, null, null, null, null, null, null, -1, 99), null))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(InvalidCommandException.Violation::path)
                        .contains("name", "horizonQuarters", "leadTimeQuarters", "usefulLifeYears"));
        assertThat(fleet.services().planning().scenarios()).isEmpty();
    }

    @Test
    void projectsFromTheLiveStateAndShowsPowerBinding() {
        PlanView plan = fleet.services().planning().plan(scenario("inline", List.of(), List.of()));
        assertThat(plan.quarters()).hasSize(8);
        PlanView.QuarterView first = plan.quarters().get(0);
        assertThat(first.pools()).containsKey("cn-hangzhou/H20");
        assertThat(first.total().capacity()).isEqualTo(800);
        assertThat(first.total().demand()).isGreaterThanOrEqualTo(1600);
        assertThat(first.total().backlog()).isPositive();
        assertThat(plan.summary().bindingQuarters().get("POWER")).isPositive();
        assertThat(plan.summary().firstClearQuarter()).isNull();
        String csv = PlanCsv.write(plan);
        assertThat(csv.lines().toList().get(0)).isEqualTo(PlanCsv.HEADER);
        assertThat(csv).contains(first.quarter() + ",pool,cn-hangzhou/H20,");
    }

    @Test
    void comparesScenariosAgainstThePlanOfRecord() {
        fleet.services().planning().save(Fleet.OPERATOR, scenario("plan of record", List.of(), List.of()), null);
        fleet.services().planning().save(Fleet.OPERATOR, scenario("more power", List.of(
                new ScenarioDefinition.PowerAdditionDefinition(Fleet.DATA_CENTER, "2026Q1", new BigDecimal("20"))),
                List.of()), null);
        ComparisonView c = fleet.services().planning().compare(List.of("more power"));
        assertThat(c.planOfRecord()).isEqualTo("plan of record");
        assertThat(c.rows()).extracting(ComparisonView.Row::scenario).containsExactly("plan of record", "more power");
        assertThat(c.rows().get(1).backlogDelta()).allMatch(d -> d <= 0).anyMatch(d -> d < 0);
    }

    @Test
    void theSolversAnswerClearsTheBacklogWhenProjected() {
        fleet.services().planning().save(Fleet.OPERATOR, scenario("baseline", List.of(), List.of()), null);
        String clearBy = fleet.services().planning().plan("baseline").quarters().get(6).quarter();
        SolverView power = fleet.services().planning().solve(new RunPlans.SolveCommand("baseline", "POWER", clearBy));
        assertThat(power.cleared()).as(power.answer()).isTrue();
        assertThat(power.extraPowerMwPerDataCenter()).isPositive();
        ScenarioDefinition relaxed = scenario("relaxed", List.of(new ScenarioDefinition.PowerAdditionDefinition(
                Fleet.DATA_CENTER, fleet.services().planning().plan("baseline").start(),
                power.extraPowerMwPerDataCenter())), List.of());
        PlanView check = fleet.services().planning().plan(relaxed);
        check.quarters().stream().filter(q -> q.quarter().compareTo(clearBy) >= 0)
                .forEach(q -> assertThat(q.total().backlog()).as(q.quarter()).isZero());
        SolverView capex = fleet.services().planning().solve(new RunPlans.SolveCommand("baseline", "CAPEX", clearBy));
        assertThat(capex.cleared()).as("more capital buys nothing while power binds").isFalse();
        assertThat(capex.blockedBy()).isEqualTo("POWER");
        assertThat(capex.answer()).contains("POWER");
    }

    @Test
    void keepsTheStartQuarterAndPlansFromIt() {
        ScenarioDefinition later = scenario("later", List.of(), List.of()).startingIn("2026Q3");
        ScenarioView saved = fleet.services().planning().save(Fleet.OPERATOR, later, null);
        assertThat(saved.definition().startQuarter()).isEqualTo("2026Q3");
        assertThat(stored("later").start()).contains(Quarter.parse("2026Q3"));
        assertThat(fleet.services().planning().scenario("later").definition()).isEqualTo(later);

        PlanView plan = fleet.services().planning().plan("later");
        assertThat(plan.start()).isEqualTo("2026Q3");
        assertThat(plan.end()).isEqualTo("2028Q2");
        PlanSummaryView summary = fleet.services().planning().planSummary("later");
        assertThat(summary.start()).isEqualTo("2026Q3");
        assertThat(summary.summary()).isEqualTo(plan.summary());
        assertThat(summary.quarters()).extracting(PlanSummaryView.QuarterSummary::quarter,
                        PlanSummaryView.QuarterSummary::leasableGpus, PlanSummaryView.QuarterSummary::backlogGpus)
                .containsExactlyElementsOf(plan.quarters().stream().map(q -> org.assertj.core.groups.Tuple.tuple(
                        q.quarter(), q.total().leasable(), q.total().backlog())).toList());

        // replaced without one: its plans start at the current quarter again
        fleet.services().planning().save(Fleet.OPERATOR, later.startingIn(null), 1L);
        assertThat(stored("later").start()).isEmpty();
        assertThat(fleet.services().planning().plan("later").start()).isEqualTo("2026Q1");
    }

    @Test
    void refusesAStartInThePastAndPlansAStartThatHasPassedFromTheCurrentQuarter() {
        assertThatThrownBy(() -> fleet.services().planning().save(Fleet.OPERATOR,
                scenario("past", List.of(), List.of()).startingIn("2025Q4"), null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("startQuarter");
                    assertThat(e.getMessage()).contains("2025Q4", "2026Q1");
                });
        assertThatThrownBy(() -> fleet.services().planning().plan(scenario("inline", List.of(), List.of())
                .startingIn("2025Q4"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> fleet.services().planning().save(Fleet.OPERATOR,
                scenario("bad", List.of(), List.of()).startingIn("2026-Q3"), null))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.violations())
                        .extracting(InvalidCommandException.Violation::path).containsExactly("startQuarter"));
        assertThat(fleet.services().planning().scenarios()).isEmpty();

        fleet.services().planning().save(Fleet.OPERATOR, scenario("soon", List.of(), List.of()).startingIn("2026Q2"),
                null);
        Fleet nineMonthsOn = new Fleet(fleet.stores(), new TickingClock(Instant.parse("2026-10-05T00:00:00Z")));
        assertThat(nineMonthsOn.services().planning().plan("soon").start()).isEqualTo("2026Q4");
        assertThat(nineMonthsOn.services().planning().scenario("soon").definition().startQuarter())
                .isEqualTo("2026Q2");
    }

    private StoredScenario stored(String name) {
        Stores stores = fleet.stores();
        return stores.unitOfWork().readOnly(() -> stores.scenarios().find(name)).orElseThrow();
    }

    @Test
    void offersTheMarketGrowthPresets() {
        assertThat(fleet.services().planning().presets()).extracting(p -> p.provider())
                .contains("Alibaba Cloud", "Microsoft Azure", "Google Cloud");
        ScenarioDefinition preset = new ScenarioDefinition("preset", 4, null, "alibaba cloud", null, null, null, null,
                null, 0, null);
        assertThat(fleet.services().planning().plan(preset).quarters()).hasSize(4);
        assertThatThrownBy(() -> fleet.services().planning().plan(new ScenarioDefinition("p", 4, null, "Oracle",
                null, null, null, null, null, 0, null))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("Alibaba Cloud");
    }
}
