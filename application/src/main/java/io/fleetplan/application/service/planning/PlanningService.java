package io.fleetplan.application.service.planning;

import io.fleetplan.application.port.in.planning.ComparisonView;
import io.fleetplan.application.port.in.planning.FiguresView;
import io.fleetplan.application.port.in.planning.GrowthPresetView;
import io.fleetplan.application.port.in.planning.ManageScenarios;
import io.fleetplan.application.port.in.planning.PlanSummaryView;
import io.fleetplan.application.port.in.planning.PlanView;
import io.fleetplan.application.port.in.planning.RunPlans;
import io.fleetplan.application.port.in.planning.ScenarioDefinition;
import io.fleetplan.application.port.in.planning.ScenarioView;
import io.fleetplan.application.port.in.planning.SolverView;
import io.fleetplan.application.port.out.Stores;
import io.fleetplan.application.port.out.StoredScenario;
import io.fleetplan.application.service.support.UseCases;
import io.fleetplan.domain.planning.BacklogSolver;
import io.fleetplan.domain.planning.Baseline;
import io.fleetplan.domain.planning.BindingConstraint;
import io.fleetplan.domain.planning.CapacityPlan;
import io.fleetplan.domain.planning.CapacityPlanner;
import io.fleetplan.domain.planning.Figures;
import io.fleetplan.domain.planning.GrowthPreset;
import io.fleetplan.domain.planning.PlanSummary;
import io.fleetplan.domain.planning.QuarterPlan;
import io.fleetplan.domain.planning.Relaxation;
import io.fleetplan.domain.planning.ScenarioComparison;
import io.fleetplan.domain.planning.SolverResult;
import io.fleetplan.domain.shared.Actor;
import io.fleetplan.domain.shared.ConflictException;
import io.fleetplan.domain.shared.DomainEvent;
import io.fleetplan.domain.shared.EventType;
import io.fleetplan.domain.shared.InvalidValueException;
import io.fleetplan.domain.shared.NotFoundException;
import io.fleetplan.domain.shared.Quarter;
import io.fleetplan.domain.shared.RuleViolationException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scenarios and plans. A plan is projected from the live state at the current quarter (the
 * baseline) and a scenario, from the scenario's start quarter when it has one; projections are
 * pure and deterministic, so nothing is cached. A start quarter before the current one is refused
 * when a scenario is saved or projected inline; a stored scenario whose start has since passed
 * projects from the current quarter (the past cannot be planned).
 */
public final class PlanningService implements ManageScenarios, RunPlans {
    private final UseCases useCases;
    private final Stores stores;
    private final CapacityPlanner planner = new CapacityPlanner();
    private final BacklogSolver solver = new BacklogSolver();

    public PlanningService(UseCases useCases) {
        this.useCases = useCases;
        this.stores = useCases.stores();
    }

    // ---------------------------------------------------------------- scenarios

    @Override
    public ScenarioView save(Actor actor, ScenarioDefinition definition, Long expectedVersion) {
        return useCases.change(actor, definition, now -> {
            Baseline baseline = Baselines.current(stores, Quarter.current(useCases.clock()), definition.commitment());
            planner.project(baseline, Scenarios.toScenario(definition, baseline));
            Optional<Quarter> start = Optional.ofNullable(definition.startQuarter()).map(Quarter::parse);
            StoredScenario existing = stores.scenarios().find(definition.name()).orElse(null);
            long current = existing == null ? 0 : existing.version();
            if (expectedVersion != null && expectedVersion != current) {
                throw ConflictException.staleVersion("scenario", definition.name(), expectedVersion, current);
            }
            boolean planOfRecord = existing == null ? stores.scenarios().all().isEmpty() : existing.planOfRecord();
            long version = stores.scenarios().save(new StoredScenario(definition.name(),
                    ScenarioText.write(definition), start, planOfRecord, current));
            record(actor, now, DomainEvent.of(EventType.SCENARIO_SAVED, definition.name(), "", "version", version,
                    "horizonQuarters", definition.horizonQuarters()));
            return new ScenarioView(definition.name(), planOfRecord, version, definition);
        });
    }

    @Override
    public void delete(Actor actor, String name) {
        useCases.change(actor, name, now -> {
            StoredScenario s = find(name);
            if (s.planOfRecord()) {
                throw new RuleViolationException("plan-of-record-deleted", "scenario '" + name
                        + "' is the plan of record: name another plan of record first");
            }
            stores.scenarios().delete(name);
            record(actor, now, DomainEvent.of(EventType.SCENARIO_DELETED, name, ""));
            return null;
        });
    }

    @Override
    public ScenarioView setPlanOfRecord(Actor actor, String name) {
        return useCases.change(actor, name, now -> {
            find(name);
            stores.scenarios().setPlanOfRecord(name);
            record(actor, now, DomainEvent.of(EventType.PLAN_OF_RECORD_SET, name, ""));
            return view(find(name));
        });
    }

    @Override
    public List<ScenarioView> scenarios() {
        return useCases.read(null, () -> stores.scenarios().all().stream().map(PlanningService::view).toList());
    }

    @Override
    public ScenarioView scenario(String name) {
        return useCases.read(null, () -> view(find(name)));
    }

    @Override
    public List<GrowthPresetView> presets() {
        return GrowthPreset.shipped().stream().map(p -> new GrowthPresetView(p.provider(), p.quarter().toString(),
                p.quarterlyRevenue().orElse(null), p.growth().yoy(), p.growth().quarterlyRate())).toList();
    }

    private StoredScenario find(String name) {
        return stores.scenarios().find(checkName(name)).orElseThrow(() -> new NotFoundException("scenario", name));
    }

    /** A scenario name as {@link ScenarioDefinition#NAME} allows it. */
    private static String checkName(String name) {
        if (name == null || !name.matches(ScenarioDefinition.NAME)) {
            throw new InvalidValueException("name", "scenario name '" + name + "' " + ScenarioDefinition.NAME_RULE);
        }
        return name;
    }

    private void record(Actor actor, Instant at, DomainEvent event) {
        stores.events().append(List.of(event), actor, at);
    }

    private static ScenarioView view(StoredScenario s) {
        return new ScenarioView(s.name(), s.planOfRecord(), s.version(), definition(s));
    }

    /** A stored scenario's definition, with the start quarter the store keeps beside it. */
    private static ScenarioDefinition definition(StoredScenario s) {
        return ScenarioText.read(s.definition()).startingIn(s.start().map(Quarter::toString).orElse(null));
    }

    // ---------------------------------------------------------------- plans

    @Override
    public PlanView plan(String scenario) {
        return useCases.read(null, () -> view(storedPlan(scenario)));
    }

    @Override
    public PlanSummaryView planSummary(String scenario) {
        return useCases.read(null, () -> {
            CapacityPlan plan = storedPlan(scenario);
            List<PlanSummaryView.QuarterSummary> quarters = new ArrayList<>();
            for (QuarterPlan q : plan.quarters()) {
                quarters.add(new PlanSummaryView.QuarterSummary(q.quarter().toString(), q.total().backlogGpus(),
                        q.total().leasableGpus(), q.total().binding().name()));
            }
            return new PlanSummaryView(plan.scenario(), plan.start().toString(), plan.end().toString(),
                    summary(plan.summary()), quarters);
        });
    }

    /** The plan of a stored scenario, from the live state. */
    private CapacityPlan storedPlan(String name) {
        ScenarioDefinition d = definition(name);
        Baseline baseline = baseline(d);
        return planner.project(baseline, Scenarios.toScenario(d, baseline));
    }

    @Override
    public PlanView plan(ScenarioDefinition inline) {
        return useCases.read(inline, () -> {
            Baseline baseline = baseline(inline);
            return view(planner.project(baseline, Scenarios.toScenario(inline, baseline)));
        });
    }

    @Override
    public ComparisonView compare(List<String> names) {
        return useCases.read(null, () -> {
            StoredScenario record = stores.scenarios().all().stream().filter(StoredScenario::planOfRecord).findFirst()
                    .orElseThrow(() -> new RuleViolationException("no-plan-of-record",
                            "no scenario is the plan of record: save one or name one first"));
            Baseline baseline = baseline(ScenarioText.read(record.definition()));
            ScenarioDefinition recordDefinition = fromNowOn(definition(record), baseline.start());
            CapacityPlan planOfRecord = planner.project(baseline, Scenarios.toScenario(recordDefinition, baseline));
            List<CapacityPlan> others = new ArrayList<>();
            for (String name : names) {
                if (checkName(name).equals(record.name())) {
                    continue;
                }
                ScenarioDefinition d = definition(name);
                Baseline b = baseline(d);
                CapacityPlan other = planner.project(b, Scenarios.toScenario(d, b));
                if (!other.start().equals(planOfRecord.start())
                        || other.quarters().size() != planOfRecord.quarters().size()) {
                    // compared over the plan of record's quarters
                    other = planner.project(b, Scenarios.toScenario(withHorizon(d, recordDefinition.startQuarter(),
                            recordDefinition.horizonQuarters()), b));
                }
                others.add(other);
            }
            ScenarioComparison c = ScenarioComparison.of(planOfRecord, others);
            List<ComparisonView.Row> rows = new ArrayList<>();
            List<CapacityPlan> all = new ArrayList<>();
            all.add(planOfRecord);
            all.addAll(others);
            for (int i = 0; i < c.rows().size(); i++) {
                ScenarioComparison.Row r = c.rows().get(i);
                rows.add(new ComparisonView.Row(r.scenario(), r.firstClearQuarter().map(Quarter::toString).orElse(null),
                        r.peakBacklogGpus(), r.capexUsed(), named(r.bindingQuarters()),
                        all.get(i).backlogByQuarter(), r.backlogDelta()));
            }
            return new ComparisonView(c.planOfRecord(), c.quarters().stream().map(Quarter::toString).toList(), rows);
        });
    }

    private static ScenarioDefinition withHorizon(ScenarioDefinition d, String start, int horizon) {
        return new ScenarioDefinition(d.name(), start, horizon, d.growthYoy(), d.growthPreset(), d.commitment(),
                d.pools(), d.capexChanges(), d.throughputChanges(), d.powerAdditions(), d.leadTimeQuarters(),
                d.usefulLifeYears());
    }

    /** A stored definition whose start quarter has passed starts now: the past cannot be planned. */
    private static ScenarioDefinition fromNowOn(ScenarioDefinition d, Quarter now) {
        if (d.startQuarter() != null && Quarter.parse(d.startQuarter()).isBefore(now)) {
            return d.startingIn(null);
        }
        return d;
    }

    @Override
    public SolverView solve(SolveCommand command) {
        return useCases.read(command, () -> {
            ScenarioDefinition d = definition(command.scenario());
            Baseline baseline = baseline(d);
            var scenario = Scenarios.toScenario(d, baseline);
            Quarter clearBy = Quarter.parse(command.clearBy());
            if (clearBy.isBefore(scenario.start()) || clearBy.isAfter(scenario.end())) {
                throw new InvalidValueException("clearBy", "clear-by quarter " + clearBy + " is outside the plan ("
                        + scenario.start() + " to " + scenario.end() + ")");
            }
            SolverResult result = switch (command.lever()) {
                case "CAPEX" -> solver.leastExtraCapex(baseline, scenario, clearBy);
                case "THROUGHPUT" -> solver.leastThroughputMultiplier(baseline, scenario, clearBy);
                default -> solver.leastExtraPower(baseline, scenario, clearBy);
            };
            return solverView(d.name(), command.lever(), clearBy, result);
        });
    }

    /** A stored scenario's definition as plans use it: a start quarter that has passed is the current one. */
    private ScenarioDefinition definition(String name) {
        return useCases.read(null, () -> fromNowOn(definition(find(name)), Quarter.current(useCases.clock())));
    }

    private Baseline baseline(ScenarioDefinition d) {
        return Baselines.current(stores, Quarter.current(useCases.clock()), d.commitment());
    }

    private static SolverView solverView(String scenario, String lever, Quarter clearBy, SolverResult result) {
        if (result instanceof SolverResult.Cleared c) {
            Relaxation r = c.relaxation();
            String what;
            io.fleetplan.domain.shared.Money capex = null;
            BigDecimal multiplier = null;
            BigDecimal megawatts = null;
            if (r instanceof Relaxation.ExtraCapex e) {
                capex = e.amount();
                what = "an extra " + e.amount() + " of capex";
            } else if (r instanceof Relaxation.ThroughputMultiplier t) {
                multiplier = t.factor();
                what = "deployment throughput x" + t.factor().toPlainString() + " at every data centre";
            } else {
                Relaxation.ExtraPower p = (Relaxation.ExtraPower) r;
                megawatts = p.perDataCenter().kilowatts().movePointLeft(3).stripTrailingZeros();
                what = "an extra " + megawatts.toPlainString() + " MW at every data centre";
            }
            return new SolverView(scenario, lever, clearBy.toString(), true, what + " clears the backlog by "
                    + clearBy, capex, multiplier, megawatts, null, null, summary(c.plan().summary()));
        }
        SolverResult.NotClearable n = (SolverResult.NotClearable) result;
        return new SolverView(scenario, lever, clearBy.toString(), false, "relaxing " + lever.toLowerCase()
                + " alone cannot clear the backlog by " + clearBy + ": " + n.blockedBy() + " then binds in " + n.at(),
                null, null, null, n.blockedBy().name(), n.at().toString(), summary(n.plan().summary()));
    }

    static PlanView view(CapacityPlan plan) {
        List<PlanView.QuarterView> quarters = new ArrayList<>();
        for (QuarterPlan q : plan.quarters()) {
            Map<String, FiguresView> regions = new LinkedHashMap<>();
            q.regions().forEach((id, f) -> regions.put(id.value(), figures(f)));
            Map<String, FiguresView> pools = new LinkedHashMap<>();
            q.pools().forEach((id, f) -> pools.put(id.toString(), figures(f)));
            Map<String, FiguresView> dataCenters = new LinkedHashMap<>();
            q.dataCenters().forEach((id, f) -> dataCenters.put(id.value(), figures(f)));
            quarters.add(new PlanView.QuarterView(q.quarter().toString(), figures(q.total()), regions, pools,
                    dataCenters));
        }
        return new PlanView(plan.scenario(), plan.start().toString(), plan.end().toString(), quarters,
                summary(plan.summary()));
    }

    private static PlanView.SummaryView summary(PlanSummary s) {
        return new PlanView.SummaryView(s.firstClearQuarter().map(Quarter::toString).orElse(null), s.peakBacklogGpus(),
                s.peakBacklogQuarter().map(Quarter::toString).orElse(null), s.capexUsed(), s.peakInventoryServers(),
                s.peakInventoryQuarter().map(Quarter::toString).orElse(null), named(s.bindingQuarters()));
    }

    private static Map<String, Integer> named(Map<BindingConstraint, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (BindingConstraint b : BindingConstraint.values()) {
            out.put(b.name(), counts.getOrDefault(b, 0));
        }
        return out;
    }

    private static FiguresView figures(Figures f) {
        return new FiguresView(f.demandInternalGpus(), f.demandExternalGpus(), f.demandGpus(), f.capacityGpus(),
                f.backlogGpus(), f.leasableGpus(), f.deployedServers(), f.purchasedServers(), f.arrivingServers(),
                f.inventoryServers(), f.powerHeadroom().kilowatts(), f.capexSpent(), f.depreciation(),
                f.binding().name());
    }
}
